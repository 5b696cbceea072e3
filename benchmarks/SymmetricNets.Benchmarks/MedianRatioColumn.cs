using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SymmetricNets.Benchmarks;

/// <summary>The median time of a benchmark divided by the median time of its baseline (same parameters, same
/// category, same run): the figure the targets in docs/benchmarks.md are stated in. BenchmarkDotNet's own Ratio
/// column is a mean of ratios, which one noisy iteration on a shared machine can move.</summary>
internal sealed class MedianRatioColumn : IColumn
{
    public string Id => nameof(MedianRatioColumn);
    public string ColumnName => "Median ratio";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Baseline;
    public int PriorityInCategory => -1;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "Median time / the baseline's median time (same parameters and category, same run)";
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var theirs = baseline is null ? null : summary[baseline]?.ResultStatistics;
        if (mine is null || theirs is null || theirs.Median <= 0) return "?";
        var r = mine.Median / theirs.Median;
        return r < 0.01 ? r.ToString("0.00000") : r.ToString("0.000");
    }

    public override string ToString() => ColumnName;
}
