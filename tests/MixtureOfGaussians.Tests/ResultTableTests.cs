namespace SymmetricNets.Samples.MixtureOfGaussians.Tests;

public sealed class ResultTableTests
{
    [Fact]
    public void MeanAndStandardErrorOfOneTwoThree()
    {
        // Sample std of {1, 2, 3} is 1, so the standard error is 1 / sqrt(3).
        var (mean, se) = ResultTable.MeanSe([1.0, 2.0, 3.0]);
        Assert.Equal(2.0, mean, 12);
        Assert.Equal(1 / Math.Sqrt(3), se, 12);
        Assert.True(double.IsNaN(ResultTable.MeanSe([4.0]).Se));
    }

    [Fact]
    public void AggregateGroupsByDatasetAndMethodAndSkipsUndefinedKl()
    {
        static RunResult Run(int seed, int modes, double kl) => new("grid", GanMethod.Bgan, "BGAN", seed,
            [new EvalRecord(10, new MetricResult(100, 50, modes, 25, kl, new int[25]), 0, 0, 1)], new Dictionary<int, float[]>(), 2.0);
        var rows = ResultTable.Aggregate([Run(0, 20, 0.1), Run(1, 22, double.NaN), Run(2, 24, 0.3)]);
        var row = Assert.Single(rows);
        Assert.Equal(3, row.Runs);
        Assert.Equal(22.0, row.Modes.Mean, 12);
        Assert.Equal(2 / Math.Sqrt(3), row.Modes.Se, 12);
        Assert.Equal(2, row.KlDefined);
        Assert.Equal(0.2, row.ReverseKl.Mean, 12);
        Assert.Contains("| grid | BGAN | 3 | 22.0 +- 1.2 / 25 | 50.0 +- 0.0 |", ResultTable.Markdown(rows, "quick"));
    }
}
