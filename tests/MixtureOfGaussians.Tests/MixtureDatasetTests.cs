using TorchSharp;

namespace SymmetricNets.Samples.MixtureOfGaussians.Tests;

public sealed class MixtureDatasetTests
{
    [Fact]
    public void RingHasEightUnitModesAtMultiplesOf45Degrees()
    {
        var ring = MixtureDataset.Ring();
        Assert.Equal(8, ring.ModeCount);
        for (int k = 0; k < 8; k++)
        {
            Assert.Equal(1.0, Math.Sqrt(ring.Centres[k, 0] * ring.Centres[k, 0] + ring.Centres[k, 1] * ring.Centres[k, 1]), 12);
            Assert.Equal(45.0 * k, (Math.Atan2(ring.Centres[k, 1], ring.Centres[k, 0]) * 180 / Math.PI + 360) % 360, 9);
        }
    }

    [Fact]
    public void GridIsTheLatticeMinusOneToOneByHalves()
    {
        var grid = MixtureDataset.Grid();
        var expected = new HashSet<(double, double)>();
        foreach (var x in new[] { -1.0, -0.5, 0, 0.5, 1 })
        foreach (var y in new[] { -1.0, -0.5, 0, 0.5, 1 }) expected.Add((x, y));
        var got = Enumerable.Range(0, grid.ModeCount).Select(k => (grid.Centres[k, 0], grid.Centres[k, 1])).ToHashSet();
        Assert.Equal(expected, got);
    }

    [Fact]
    public void RealSamplesScoreAsTheGaussianTailPredicts()
    {
        // For a 2-D isotropic Gaussian P(|x - mu| <= 3 sigma) = 1 - exp(-9/2) = 0.98889; the modes are 0.5 apart
        // (50 sigma), so nearest-mode assignment is exact and every mode is hit about 10000 / 25 times.
        var grid = MixtureDataset.Grid();
        using var gen = new torch.Generator(7);
        using var centres = grid.CentresTensor(torch.CPU);
        using var x = grid.Sample(10_000, centres, gen);
        var r = MixtureMetrics.Evaluate(x.data<float>().ToArray(), grid.Centres, grid.Std);
        double p = 1 - Math.Exp(-4.5);
        double tol = 4 * Math.Sqrt(p * (1 - p) / 10_000);
        Assert.InRange(r.HighQuality / 10_000.0, p - tol, p + tol);
        Assert.Equal(25, r.ModesCaptured);
        // Multinomial(9889, 1/25): the reverse KL is about (M - 1) / (2 n) = 0.0012; far below 0.01.
        Assert.InRange(r.ReverseKl, 0, 0.01);
    }

    [Fact]
    public void BadParametersThrow()
    {
        Assert.Throws<ArgumentException>(() => MixtureDataset.Ring(std: 0));
        Assert.Throws<ArgumentException>(() => MixtureDataset.Grid(spacing: -1));
    }
}
