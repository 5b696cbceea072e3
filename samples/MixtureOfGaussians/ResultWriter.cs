using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// Writes the outputs into <see cref="SampleOptions.Out"/>: <c>metrics.csv</c> (every evaluation point),
/// <c>samples/{dataset}-{method}-seed{seed}.csv</c> (the final generated points, <c>x,y</c>), <c>summary.json</c>,
/// <c>table.md</c> and <c>table.csv</c> (rewritten after every run), and <c>fig3-{dataset}-seed{seed}.png</c>.
/// </summary>
public sealed class ResultWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    private readonly SampleOptions options;
    private readonly string metricsPath;

    /// <summary>Creates the folder and starts <c>metrics.csv</c>.</summary>
    /// <param name="options">Settings (the folder, and the preset stated in every file).</param>
    public ResultWriter(SampleOptions options)
    {
        this.options = options;
        Directory.CreateDirectory(Path.Combine(options.Out, "samples"));
        metricsPath = Path.Combine(options.Out, "metrics.csv");
        File.WriteAllText(metricsPath, "preset,dataset,method,seed,iteration,modes,modes_total,hq_percent,reverse_kl,d_loss,g_loss,train_seconds\n");
    }

    /// <summary>Appends the run's evaluations, writes its final samples and rewrites the summary and the tables.</summary>
    /// <param name="run">The run just finished.</param>
    /// <param name="all">Every run so far (including <paramref name="run"/>).</param>
    public void WriteRun(RunResult run, IReadOnlyList<RunResult> all)
    {
        var sb = new StringBuilder();
        foreach (var e in run.Evaluations)
            sb.AppendLine(string.Join(',', options.Preset, run.Dataset, run.Label, run.Seed, e.Iteration, e.Metrics.ModesCaptured, e.Metrics.ModeCount,
                F(e.Metrics.HighQualityPercent), F(e.Metrics.ReverseKl), F(e.DiscriminatorLoss), F(e.GeneratorLoss), F(e.TrainSeconds)));
        File.AppendAllText(metricsPath, sb.ToString());

        var pts = run.Snapshots[run.Evaluations[^1].Iteration];
        var csv = new StringBuilder("x,y\n");
        for (int i = 0; i < pts.Length; i += 2) csv.Append(F(pts[i])).Append(',').Append(F(pts[i + 1])).Append('\n');
        File.WriteAllText(Path.Combine(options.Out, "samples", $"{run.Dataset}-{GanMethods.Name(run.Method)}-seed{run.Seed}.csv"), csv.ToString());

        var rows = ResultTable.Aggregate(all);
        File.WriteAllText(Path.Combine(options.Out, "table.md"), ResultTable.Markdown(rows, options.Preset));
        File.WriteAllText(Path.Combine(options.Out, "table.csv"), ResultTable.Csv(rows, options.Preset));
        File.WriteAllText(Path.Combine(options.Out, "summary.json"), JsonSerializer.Serialize(Summary(all, rows), Json));
    }

    /// <summary>Writes the Fig. 3-style grid of one data set and seed (one row per method, one column per snapshot).</summary>
    /// <param name="data">The data set.</param>
    /// <param name="seed">The seed.</param>
    /// <param name="runs">The runs of that data set and seed, one per method.</param>
    public void WriteFigure(MixtureDataset data, int seed, IReadOnlyList<RunResult> runs)
    {
        string title = $"{data.Name.ToUpperInvariant()}  PRESET {options.Preset.ToUpperInvariant()}  SEED {seed}  {options.Hidden}X{options.Layers} NETS";
        var png = SnapshotFigure.Render(data, runs, title);
        File.WriteAllBytes(Path.Combine(options.Out, $"fig3-{data.Name}-seed{seed}.png"), png);
    }

    private object Summary(IReadOnlyList<RunResult> all, IReadOnlyList<SummaryRow> rows) => new
    {
        Preset = options.Preset,
        Settings = new
        {
            Methods = options.Methods.Select(GanMethods.Name).ToArray(),
            options.Datasets, options.Seeds, options.FirstSeed, options.Iterations, options.Hidden, options.Layers, options.Latent,
            options.Batch, options.DiscriminatorSteps, options.LrD, options.LrG, options.Beta1, options.Beta2, options.Gamma,
            options.MixupMax, options.Pack, options.Std, options.Radius, options.Spacing, options.EvalSamples, options.Device, options.Threads,
        },
        Runs = all.Select(r => new
        {
            r.Dataset, Method = r.Label, r.Seed, r.MsPerIteration,
            Final = new { Iteration = r.Evaluations[^1].Iteration, r.Final.ModesCaptured, r.Final.ModeCount, HqPercent = r.Final.HighQualityPercent, r.Final.ReverseKl, r.Final.Histogram },
        }).ToArray(),
        Table = rows.Select(t => new
        {
            t.Dataset, Method = t.Label, t.Runs, t.ModeCount, ModesMean = t.Modes.Mean, ModesSe = t.Modes.Se, HqPercentMean = t.HqPercent.Mean,
            HqPercentSe = t.HqPercent.Se, ReverseKlMean = t.ReverseKl.Mean, ReverseKlSe = t.ReverseKl.Se, ReverseKlSeeds = t.KlDefined, t.MsPerIteration,
        }).ToArray(),
    };

    private static string F(double v) => v.ToString("G7", CultureInfo.InvariantCulture);
}
