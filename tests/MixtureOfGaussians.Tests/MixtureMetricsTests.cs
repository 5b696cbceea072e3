namespace SymmetricNets.Samples.MixtureOfGaussians.Tests;

public sealed class MixtureMetricsTests
{
    private const double Sigma = 0.01;

    private static readonly double[,] FourModes = { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } };

    private static float[] Repeat(double x, double y, int n) =>
        Enumerable.Range(0, n).SelectMany(_ => new[] { (float)x, (float)y }).ToArray();

    [Fact]
    public void EvenlySpreadExactPointsCaptureEveryModeWithZeroKl()
    {
        var grid = MixtureDataset.Grid();
        var xy = new List<float>();
        for (int k = 0; k < 25; k++) xy.AddRange(Repeat(grid.Centres[k, 0], grid.Centres[k, 1], 100));
        var r = MixtureMetrics.Evaluate(xy.ToArray(), grid.Centres, Sigma);
        Assert.Equal(2500, r.Samples);
        Assert.Equal(2500, r.HighQuality);
        Assert.Equal(25, r.ModesCaptured);
        Assert.Equal(100.0, r.HighQualityPercent);
        Assert.Equal(0.0, r.ReverseKl, 12);
        Assert.All(r.Histogram, c => Assert.Equal(100, c));
    }

    [Fact]
    public void AllOnOneModeGivesLogM()
    {
        var r = MixtureMetrics.Evaluate(Repeat(0.5, 0.5, 40), MixtureDataset.Grid().Centres, Sigma);
        Assert.Equal(1, r.ModesCaptured);
        Assert.Equal(Math.Log(25), r.ReverseKl, 12);
    }

    [Fact]
    public void ThreeToOneOverFourModes()
    {
        // q = (3/4, 1/4, 0, 0), M = 4: KL = 3/4 log 3 + 1/4 log 1.
        var xy = Repeat(0, 0, 30).Concat(Repeat(1, 0, 10)).ToArray();
        var r = MixtureMetrics.Evaluate(xy, FourModes, Sigma);
        Assert.Equal(2, r.ModesCaptured);
        Assert.Equal(0.75 * Math.Log(3), r.ReverseKl, 12);
        Assert.Equal(new[] { 30, 10, 0, 0 }, r.Histogram);
    }

    [Fact]
    public void ThresholdIsThreeSigmaInclusiveAndFarPointsAreNotCounted()
    {
        var xy = new List<float>();
        xy.AddRange(Repeat(0.029, 0, 1));          // 2.9 sigma: HQ
        xy.AddRange(Repeat(0, 0.031, 1));          // 3.1 sigma: not HQ
        xy.AddRange(Repeat(1.0 + 0.02, 0.02, 1));  // 2.83 sigma diagonally from (1, 0): HQ
        xy.AddRange(Repeat(0.5, 0.5, 1));          // between modes: not HQ
        var r = MixtureMetrics.Evaluate(xy.ToArray(), FourModes, Sigma);
        Assert.Equal(4, r.Samples);
        Assert.Equal(2, r.HighQuality);
        Assert.Equal(50.0, r.HighQualityPercent);
        Assert.Equal(2, r.ModesCaptured);
        Assert.Equal(new[] { 1, 1, 0, 0 }, r.Histogram);
        // q = (1/2, 1/2, 0, 0): KL = log 2.
        Assert.Equal(Math.Log(2), r.ReverseKl, 12);
    }

    [Fact]
    public void NoHighQualitySampleLeavesKlUndefined()
    {
        var r = MixtureMetrics.Evaluate(Repeat(5, 5, 10), FourModes, Sigma);
        Assert.Equal(0, r.HighQuality);
        Assert.Equal(0, r.ModesCaptured);
        Assert.True(double.IsNaN(r.ReverseKl));
    }

    [Fact]
    public void BadInputsThrow()
    {
        Assert.Throws<ArgumentException>(() => MixtureMetrics.Evaluate(new float[3], FourModes, Sigma));
        Assert.Throws<ArgumentException>(() => MixtureMetrics.Evaluate(new float[4], FourModes, 0));
    }
}
