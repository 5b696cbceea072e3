using System.Globalization;
using System.Text;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// The multi-seed table in the manner of PacGAN's Table 1: per data set and method, mean +- standard error
/// (sample standard deviation / sqrt(n)) of the modes captured, the HQ percentage and the reverse KL.
/// </summary>
public static class ResultTable
{
    /// <summary>Aggregates the final metrics of the runs, in data set then method order of appearance.</summary>
    /// <param name="runs">Completed runs.</param>
    public static IReadOnlyList<SummaryRow> Aggregate(IEnumerable<RunResult> runs) =>
        runs.GroupBy(r => (r.Dataset, r.Label))
            .Select(g =>
            {
                var list = g.ToList();
                var kls = list.Select(r => r.Final.ReverseKl).Where(double.IsFinite).ToList();
                return new SummaryRow(g.Key.Dataset, g.Key.Label, list.Count, list[0].Final.ModeCount,
                    MeanSe(list.Select(r => (double)r.Final.ModesCaptured).ToList()),
                    MeanSe(list.Select(r => r.Final.HighQualityPercent).ToList()),
                    MeanSe(kls), kls.Count, list.Average(r => r.MsPerIteration));
            })
            .ToList();

    /// <summary>Mean and standard error; the error is NaN for fewer than two values, both are NaN for none.</summary>
    /// <param name="values">The values.</param>
    public static (double Mean, double Se) MeanSe(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return (double.NaN, double.NaN);
        double mean = values.Average();
        if (values.Count < 2) return (mean, double.NaN);
        double var = values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return (mean, Math.Sqrt(var / values.Count));
    }

    /// <summary>The table as markdown.</summary>
    /// <param name="rows">Rows.</param>
    /// <param name="preset">The preset, stated in the caption.</param>
    public static string Markdown(IReadOnlyList<SummaryRow> rows, string preset)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"Preset: {preset}. Final metrics, mean +- standard error over seeds.").AppendLine();
        sb.AppendLine("| data set | method | seeds | modes | HQ % | reverse KL | ms/iter |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var r in rows)
        {
            string kl = Pm(r.ReverseKl, "F3") + (r.KlDefined < r.Runs ? $" ({r.KlDefined} seeds)" : "");
            sb.AppendLine($"| {r.Dataset} | {r.Label} | {r.Runs} | {Pm(r.Modes, "F1")} / {r.ModeCount} | {Pm(r.HqPercent, "F1")} | {kl} | {F(r.MsPerIteration, "F1")} |");
        }

        return sb.ToString();
    }

    /// <summary>The table as CSV (one header line).</summary>
    /// <param name="rows">Rows.</param>
    /// <param name="preset">The preset, in a column.</param>
    public static string Csv(IReadOnlyList<SummaryRow> rows, string preset)
    {
        var sb = new StringBuilder("preset,dataset,method,seeds,modes_total,modes_mean,modes_se,hq_percent_mean,hq_percent_se,reverse_kl_mean,reverse_kl_se,reverse_kl_seeds,ms_per_iteration\n");
        foreach (var r in rows)
            sb.AppendLine(string.Join(',', preset, r.Dataset, r.Label, r.Runs, r.ModeCount, F(r.Modes.Mean), F(r.Modes.Se), F(r.HqPercent.Mean),
                F(r.HqPercent.Se), F(r.ReverseKl.Mean), F(r.ReverseKl.Se), r.KlDefined, F(r.MsPerIteration)));
        return sb.ToString();
    }

    private static string Pm((double Mean, double Se) v, string fmt) =>
        double.IsNaN(v.Se) ? F(v.Mean, fmt) : $"{F(v.Mean, fmt)} +- {F(v.Se, fmt)}";

    private static string F(double v, string fmt = "G6") => double.IsNaN(v) ? "n/a" : v.ToString(fmt, CultureInfo.InvariantCulture);
}
