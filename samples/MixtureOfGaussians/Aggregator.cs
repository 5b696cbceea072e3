namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary><c>--aggregate</c>: tabulates the runs of several finished jobs (same preset) into one multi-seed table.</summary>
public static class Aggregator
{
    /// <summary>Reads every summary, checks the presets agree, writes <c>table.md</c> and <c>table.csv</c> into <c>--out</c>.</summary>
    /// <param name="options">Settings (<see cref="SampleOptions.Aggregate"/>, <see cref="SampleOptions.Out"/>).</param>
    /// <returns>The markdown table.</returns>
    /// <exception cref="ArgumentException">A summary is missing or malformed, the presets differ, or a run appears twice.</exception>
    public static string Run(SampleOptions options)
    {
        var parts = options.Aggregate.Select(SummaryReader.Read).ToList();
        var presets = parts.Select(p => p.Preset).Distinct().ToList();
        if (presets.Count != 1)
            throw new ArgumentException($"--aggregate: the summaries come from different presets ({string.Join(", ", presets)}); tabulate one preset at a time.");
        var runs = parts.SelectMany(p => p.Runs).ToList();
        var twice = runs.GroupBy(r => (r.Dataset, r.Label, r.Seed)).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new ArgumentException($"--aggregate: {twice.Key.Dataset} {twice.Key.Label} seed {twice.Key.Seed} appears in more than one summary.");
        var rows = ResultTable.Aggregate(runs);
        Directory.CreateDirectory(options.Out);
        var md = ResultTable.Markdown(rows, presets[0]);
        File.WriteAllText(Path.Combine(options.Out, "table.md"), md);
        File.WriteAllText(Path.Combine(options.Out, "table.csv"), ResultTable.Csv(rows, presets[0]));
        return md;
    }
}
