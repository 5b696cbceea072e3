using FsCheck.Xunit;

namespace SymmetricNets.Benchmarks.Tests;

/// <summary>The statistics behind the paired verdicts of docs/benchmarks.md: median, bootstrap interval, verdict rule,
/// and the alternation of the measuring loop.</summary>
public class PairedRatiosTests
{
    [Fact]
    public void MedianOfSmallSamples()
    {
        Assert.Equal(5, PairedRatios.Median(new[] { 5.0 }));
        Assert.Equal(2, PairedRatios.Median(new[] { 3.0, 1, 2 }));
        Assert.Equal(2.5, PairedRatios.Median(new[] { 4.0, 1, 3, 2 }));
        Assert.Equal(1, PairedRatios.Median(new[] { 1.0, 1, 1, 7 }));
    }

    /// <summary>The defining law of a median: at least half of the sample is at or below it and at least half at or
    /// above it; for an odd sample it is one of the values.</summary>
    [Property(MaxTest = 200)]
    public void MedianSplitsTheSampleInHalves(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(1, 200);
        var v = Enumerable.Range(0, n).Select(_ => Math.Round(r.NextDouble() * 20, r.Next(3))).ToArray();
        double m = PairedRatios.Median(v);
        Assert.True(2 * v.Count(x => x <= m) >= n, $"fewer than half at or below {m}");
        Assert.True(2 * v.Count(x => x >= m) >= n, $"fewer than half at or above {m}");
        if (n % 2 == 1) Assert.Contains(m, v);
    }

    [Property(MaxTest = 100)]
    public void BootstrapIntervalIsOrderedAndInsideTheSample(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(1, 80);
        var v = Enumerable.Range(0, n).Select(_ => r.NextDouble() * 3 + 0.5).ToArray();
        var (lo, hi) = PairedRatios.BootstrapMedianCI(v, 200, new Random(seed ^ 0x5eed));
        Assert.True(lo <= hi, $"[{lo}, {hi}]");
        Assert.True(lo >= v.Min() && hi <= v.Max(), $"[{lo}, {hi}] outside [{v.Min()}, {v.Max()}]");
    }

    [Fact]
    public void BootstrapIntervalOfAConstantSampleIsThatConstant()
    {
        var (lo, hi) = PairedRatios.BootstrapMedianCI(Enumerable.Repeat(1.25, 31).ToArray(), 500, new Random(1));
        Assert.Equal((1.25, 1.25), (lo, hi));
    }

    /// <summary>
    /// Coverage: 400 samples of 61 standard normal draws, whose true median is 0. A 95 % interval should cover it in
    /// about 95 % of the samples; with 400 replicates the standard error of the observed coverage is
    /// sqrt(0.95 * 0.05 / 400) = 0.011, and the percentile bootstrap of a median is known to be close to nominal at this
    /// size, so [0.90, 0.99] (more than 4 standard errors below, 3.6 above) fails only for a wrong interval.
    /// </summary>
    [Fact]
    public void BootstrapIntervalCoversTheTrueMedianAbout95PercentOfTheTime()
    {
        var r = new Random(20181203);
        int covered = 0, replicates = 400;
        for (int k = 0; k < replicates; k++)
        {
            var v = Enumerable.Range(0, 61).Select(_ => Normal(r)).ToArray();
            var (lo, hi) = PairedRatios.BootstrapMedianCI(v, 1000, new Random(k));
            if (lo <= 0 && 0 <= hi) covered++;
        }
        double coverage = covered / (double)replicates;
        Assert.InRange(coverage, 0.90, 0.99);
    }

    private static double Normal(Random r) =>
        Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());

    [Theory]
    [InlineData(1.02, 1.08, 1.10, "met")]
    [InlineData(1.05, 1.10, 1.10, "met")]
    [InlineData(1.08, 1.12, 1.10, "undecided (CI spans the target)")]
    [InlineData(1.10, 1.12, 1.10, "undecided (CI spans the target)")]
    [InlineData(1.11, 1.20, 1.10, "missed")]
    public void VerdictComparesTheWholeIntervalWithTheTarget(double lo, double hi, double limit, string expected) =>
        Assert.Equal(expected, PairedRatios.Verdict(lo, hi, limit));

    [Fact]
    public void NoTargetNoVerdict() => Assert.Equal("", PairedRatios.Verdict(1.5, 1.6, null));

    /// <summary>Three warm-up pairs, then pairs whose order alternates (baseline first, then candidate first), each side
    /// <c>block</c> consecutive calls.</summary>
    [Theory]
    [InlineData(1, "BCBCBC" + "BC" + "CB" + "BC" + "CB")]
    [InlineData(3, "BCBCBC" + "BBBCCC" + "CCCBBB" + "BBBCCC" + "CCCBBB")]
    public void MeasureAlternatesTheOrderWithinPairs(int block, string expected)
    {
        var calls = new System.Text.StringBuilder();
        var (tb, tc) = PairedRatios.Measure(() => calls.Append('B'), () => calls.Append('C'), seconds: 0, minPairs: 4, block);
        Assert.Equal(expected, calls.ToString());
        Assert.Equal(4, tb.Length);
        Assert.Equal(4, tc.Length);
        Assert.All(tb.Concat(tc), t => Assert.True(t >= 0));
    }

    [Fact]
    public void SteadyAllocatorIsAcceptedByGlibc()
    {
        var line = SteadyAllocator.Apply();
        if (!OperatingSystem.IsLinux()) Assert.Contains("not Linux", line);
        // On a glibc system (Debian's multiarch path) every setting must have been applied, not merely not refused.
        else if (File.Exists("/lib/x86_64-linux-gnu/libc.so.6")) Assert.StartsWith("--steady-malloc: glibc mmap threshold 32 MiB", line);
        else Assert.DoesNotContain("refused", line);
    }
}
