namespace SymmetricNets.Samples.MixtureOfGaussians.Tests;

public sealed class AggregatorTests
{
    private static SampleOptions Tiny(string outDir, int seed, string methods) => OptionsParser.Parse(
    [
        "--preset", "quick", "--methods", methods, "--datasets", "ring", "--iterations", "12", "--hidden", "8", "--layers", "1",
        "--batch", "8", "--d-steps", "1", "--eval-samples", "100", "--eval-every", "0", "--snapshots", "12", "--quiet", "--seed", $"{seed}",
        "--out", outDir,
    ]);

    [Fact]
    public void SeparateJobsTabulateTogether()
    {
        var root = Path.Combine(Path.GetTempPath(), "mog-agg-" + Guid.NewGuid().ToString("N"));
        try
        {
            var a = new ExperimentRunner(Tiny(Path.Combine(root, "a"), 0, "gan,pacgan")).Run();
            var b = new ExperimentRunner(Tiny(Path.Combine(root, "b"), 1, "gan")).Run();
            var o = OptionsParser.Parse(["--aggregate", $"{root}/a,{root}/b", "--out", Path.Combine(root, "all")]);
            var md = Aggregator.Run(o);
            var modes = new[] { a[0].Final.ModesCaptured, b[0].Final.ModesCaptured }.Select(m => (double)m).ToList();
            string expected = $"| ring | GAN | 2 | {ResultTable.MeanSe(modes).Mean:F1} +- {ResultTable.MeanSe(modes).Se:F1} / 8 |";
            Assert.Contains(expected, md);
            Assert.Contains("| ring | PacGAN4 | 1 |", md);
            Assert.Equal(md, File.ReadAllText(Path.Combine(root, "all", "table.md")));

            // The same run twice is refused.
            var twice = OptionsParser.Parse(["--aggregate", $"{root}/a,{root}/a", "--out", Path.Combine(root, "x")]);
            Assert.Throws<ArgumentException>(() => Aggregator.Run(twice));
            var missing = OptionsParser.Parse(["--aggregate", $"{root}/none", "--out", Path.Combine(root, "x")]);
            Assert.Throws<ArgumentException>(() => Aggregator.Run(missing));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }
}
