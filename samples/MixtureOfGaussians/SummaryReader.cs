using System.Text.Json;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// Reads the final metrics of the runs recorded in <c>summary.json</c> files, so that jobs run separately (other seeds,
/// other data sets, other machines) can be tabulated together with <c>--aggregate</c>.
/// </summary>
public static class SummaryReader
{
    /// <summary>The runs of one <c>summary.json</c>, each with its final evaluation only, and the file's preset.</summary>
    /// <param name="path">A <c>summary.json</c> file or the folder holding it.</param>
    /// <exception cref="ArgumentException">The file is missing or not a summary.</exception>
    public static (string Preset, IReadOnlyList<RunResult> Runs) Read(string path)
    {
        var file = Directory.Exists(path) ? Path.Combine(path, "summary.json") : path;
        if (!File.Exists(file)) throw new ArgumentException($"--aggregate: no summary.json at '{path}'.");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(file));
            var root = doc.RootElement;
            var runs = new List<RunResult>();
            foreach (var r in root.GetProperty("runs").EnumerateArray())
            {
                var f = r.GetProperty("final");
                var histogram = f.GetProperty("histogram").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                int samples = root.GetProperty("settings").GetProperty("eval_samples").GetInt32();
                var metrics = new MetricResult(samples, histogram.Sum(), f.GetProperty("modes_captured").GetInt32(),
                    f.GetProperty("mode_count").GetInt32(), Number(f.GetProperty("reverse_kl")), histogram);
                var label = r.GetProperty("method").GetString()!;
                var method = GanMethods.FromLabel(label);
                runs.Add(new RunResult(r.GetProperty("dataset").GetString()!, method, label, r.GetProperty("seed").GetInt32(),
                    [new EvalRecord(f.GetProperty("iteration").GetInt32(), metrics, double.NaN, double.NaN, double.NaN)],
                    new Dictionary<int, float[]>(), Number(r.GetProperty("ms_per_iteration"))));
            }

            return (root.GetProperty("preset").GetString()!, runs);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new ArgumentException($"--aggregate: '{file}' is not a summary.json written by this sample ({e.Message}).");
        }
    }

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "NaN" => double.NaN, "Infinity" => double.PositiveInfinity, "-Infinity" => double.NegativeInfinity, var s => double.Parse(s!, System.Globalization.CultureInfo.InvariantCulture) }
        : e.GetDouble();
}
