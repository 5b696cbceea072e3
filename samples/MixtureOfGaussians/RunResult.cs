namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>One training run: a method on a data set with a seed.</summary>
/// <param name="Dataset">Data set name.</param>
/// <param name="Method">The method.</param>
/// <param name="Label">Display label of the method.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Evaluations">Evaluation points, in order; the last is the final one.</param>
/// <param name="Snapshots">Generated samples (interleaved x, y) at each snapshot iteration.</param>
/// <param name="MsPerIteration">Training milliseconds per iteration (evaluation excluded).</param>
public sealed record RunResult(string Dataset, GanMethod Method, string Label, int Seed, IReadOnlyList<EvalRecord> Evaluations,
    IReadOnlyDictionary<int, float[]> Snapshots, double MsPerIteration)
{
    /// <summary>The final metrics.</summary>
    public MetricResult Final => Evaluations[^1].Metrics;
}
