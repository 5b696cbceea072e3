namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>Mean and standard error over seeds of the final metrics of one method on one data set.</summary>
/// <param name="Dataset">Data set.</param>
/// <param name="Label">Method label.</param>
/// <param name="Runs">Number of seeds.</param>
/// <param name="ModeCount">Modes of the mixture.</param>
/// <param name="Modes">Modes captured: mean and standard error.</param>
/// <param name="HqPercent">HQ percentage: mean and standard error.</param>
/// <param name="ReverseKl">Reverse KL: mean and standard error over the seeds where it is defined.</param>
/// <param name="KlDefined">Seeds with at least one HQ sample (where the reverse KL is defined).</param>
/// <param name="MsPerIteration">Mean training milliseconds per iteration.</param>
public sealed record SummaryRow(string Dataset, string Label, int Runs, int ModeCount, (double Mean, double Se) Modes,
    (double Mean, double Se) HqPercent, (double Mean, double Se) ReverseKl, int KlDefined, double MsPerIteration);
