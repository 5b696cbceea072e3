namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>The mode-dropping metrics of one set of generated samples (see <see cref="MixtureMetrics"/>).</summary>
/// <param name="Samples">Number of generated samples evaluated.</param>
/// <param name="HighQuality">Number of high-quality samples (within the threshold of their nearest mode).</param>
/// <param name="ModesCaptured">Number of modes with at least one high-quality sample.</param>
/// <param name="ModeCount">Number of modes of the mixture.</param>
/// <param name="ReverseKl"><c>KL(q || uniform)</c> in nats; NaN when there is no high-quality sample.</param>
/// <param name="Histogram">High-quality samples per mode.</param>
public sealed record MetricResult(int Samples, int HighQuality, int ModesCaptured, int ModeCount, double ReverseKl, int[] Histogram)
{
    /// <summary>Percentage of high-quality samples.</summary>
    public double HighQualityPercent => Samples == 0 ? double.NaN : 100.0 * HighQuality / Samples;
}
