using System.Globalization;
using System.Text.Json;

namespace SymmetricNets.Samples.MixtureOfGaussians.Tests;

public sealed class EndToEndTests
{
    private static SampleOptions Tiny(string outDir) => OptionsParser.Parse(
    [
        "--preset", "quick", "--methods", "all", "--datasets", "grid", "--iterations", "30", "--hidden", "16", "--layers", "2",
        "--batch", "16", "--d-steps", "1", "--eval-samples", "400", "--eval-every", "15", "--snapshots", "10,30", "--quiet", "--out", outDir,
    ]);

    [Fact]
    public void EveryMethodTrainsAndWritesEveryOutput()
    {
        var dir = Path.Combine(Path.GetTempPath(), "mog-e2e-" + Guid.NewGuid().ToString("N"));
        try
        {
            var runs = new ExperimentRunner(Tiny(dir)).Run();
            Assert.Equal(6, runs.Count);
            foreach (var method in GanMethods.All)
            {
                var lines = File.ReadAllLines(Path.Combine(dir, "samples", $"grid-{GanMethods.Name(method)}-seed0.csv"));
                Assert.Equal("x,y", lines[0]);
                Assert.Equal(401, lines.Length);
                Assert.All(lines.Skip(1), l => Assert.True(l.Split(',').All(v => double.IsFinite(double.Parse(v, CultureInfo.InvariantCulture)))));
            }

            var metrics = File.ReadAllLines(Path.Combine(dir, "metrics.csv"));
            // Evaluations at 10, 15, 30 for each of the six methods.
            Assert.Equal(1 + 6 * 3, metrics.Length);
            Assert.All(metrics.Skip(1), l => Assert.StartsWith("quick,grid,", l));

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            Assert.Equal("quick", json.RootElement.GetProperty("preset").GetString());
            Assert.Equal(6, json.RootElement.GetProperty("runs").GetArrayLength());
            Assert.Equal(6, json.RootElement.GetProperty("table").GetArrayLength());

            Assert.Equal(1 + 6, File.ReadAllLines(Path.Combine(dir, "table.csv")).Length);
            Assert.Contains("Preset: quick", File.ReadAllText(Path.Combine(dir, "table.md")));

            var png = PngWriterTests.Decode(File.ReadAllBytes(Path.Combine(dir, "fig3-grid-seed0.png")), out int w, out int h);
            Assert.True(w > 2 * SnapshotFigure.Cell && h > 6 * SnapshotFigure.Cell);
            Assert.Contains(png, b => b != 255);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void TheSameSeedGivesTheSameSamples()
    {
        var o = Tiny(Path.GetTempPath());
        o.Iterations = 12;
        o.Methods = [GanMethod.MBgan];
        var runner = new ExperimentRunner(o);
        var data = MixtureDataset.Grid();
        var progress = new ProgressReporter(1, false);
        var a = runner.TrainOne(data, GanMethod.MBgan, 3, 0, progress);
        var b = runner.TrainOne(data, GanMethod.MBgan, 3, 0, progress);
        var c = runner.TrainOne(data, GanMethod.MBgan, 4, 0, progress);
        Assert.Equal(a.Snapshots[12], b.Snapshots[12]);
        Assert.NotEqual(a.Snapshots[12], c.Snapshots[12]);
    }
}
