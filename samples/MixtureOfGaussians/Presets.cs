namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// Named starting points for <see cref="SampleOptions"/>; flags given after the preset override it.
/// <c>paper</c>: section 5.1 (512-unit nets, 20,000 iterations, every method, both data sets).
/// <c>quick</c>: BGAN against the standard GAN on the grid, 128-unit nets, 3,000 iterations, 1 torch thread (a few minutes on 2 CPU cores).
/// <c>medium</c>: every method on both data sets, 64-unit nets, 4,000 iterations (the multi-seed table of docs/results-2d.md).
/// </summary>
public static class Presets
{
    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["paper", "quick", "medium"];

    /// <summary>Fresh options for a preset.</summary>
    /// <param name="name">A name of <see cref="Names"/>.</param>
    /// <exception cref="ArgumentException">Unknown preset.</exception>
    public static SampleOptions Create(string name)
    {
        var o = new SampleOptions { Preset = name };
        switch (name)
        {
            case "paper":
                break;
            case "quick":
                o.Methods = [GanMethod.Gan, GanMethod.Bgan];
                o.Datasets = ["grid"];
                o.Hidden = 128;
                o.Threads = 1;
                o.Iterations = 3_000;
                o.Snapshots = [10, 100, 1_000, 3_000];
                o.EvalEvery = 500;
                break;
            case "medium":
                o.Hidden = 64;
                o.Threads = 1;
                o.Iterations = 4_000;
                o.Snapshots = [10, 100, 1_000, 4_000];
                o.EvalEvery = 1_000;
                break;
            default:
                throw new ArgumentException($"--preset: unknown preset '{name}'; expected {string.Join(", ", Names)}.");
        }

        return o;
    }
}
