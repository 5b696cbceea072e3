using System.Globalization;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>Parses the command line into <see cref="SampleOptions"/>: the preset first, then every other flag over it.</summary>
public static class OptionsParser
{
    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <param name="args">Flags of the form <c>--name value</c> (or <c>--name=value</c>); see <see cref="HelpText"/>.</param>
    /// <exception cref="ArgumentException">An unknown flag, a missing or malformed value, or a value out of range.</exception>
    public static SampleOptions Parse(IReadOnlyList<string> args)
    {
        var pairs = new List<(string Name, string? Value)>();
        for (int i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal) && a != "-h")
                throw new ArgumentException($"Unexpected argument '{a}': flags start with '--' (see --help).");
            string name = a == "-h" ? "help" : a[2..];
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            else if (!IsSwitch(name))
            {
                if (i + 1 >= args.Count) throw new ArgumentException($"--{name} needs a value (see --help).");
                value = args[++i];
            }

            pairs.Add((name, value));
        }

        var preset = pairs.LastOrDefault(p => p.Name == "preset").Value ?? "paper";
        var o = Presets.Create(preset);
        foreach (var (name, value) in pairs) Apply(o, name, value);
        Validate(o);
        return o;
    }

    private static bool IsSwitch(string name) => name is "help" or "quiet";

    private static void Apply(SampleOptions o, string name, string? v)
    {
        switch (name)
        {
            case "preset": break;
            case "help": o.Help = true; break;
            case "quiet": o.Quiet = true; break;
            case "methods": o.Methods = GanMethods.ParseList(v!); break;
            case "datasets": o.Datasets = ParseDatasets(v!); break;
            case "seeds": o.Seeds = Int(name, v!, 1); break;
            case "seed": o.FirstSeed = Int(name, v!, 0); break;
            case "iterations": o.Iterations = Int(name, v!, 1); break;
            case "hidden": o.Hidden = Int(name, v!, 1); break;
            case "layers": o.Layers = Int(name, v!, 1); break;
            case "latent": o.Latent = Int(name, v!, 1); break;
            case "batch": o.Batch = Int(name, v!, 2); break;
            case "d-steps": o.DiscriminatorSteps = Int(name, v!, 1); break;
            case "lr": o.LrD = o.LrG = Positive(name, v!); break;
            case "lr-d": o.LrD = Positive(name, v!); break;
            case "lr-g": o.LrG = Positive(name, v!); break;
            case "beta1": o.Beta1 = InRange(name, v!, 0, 1, upperOpen: true); break;
            case "beta2": o.Beta2 = InRange(name, v!, 0, 1, upperOpen: true); break;
            case "gamma": o.Gamma = InRange(name, v!, 0, 0.5); break;
            case "mixup-max": o.MixupMax = InRange(name, v!, 0, 1); break;
            case "pack": o.Pack = Int(name, v!, 1); break;
            case "std": o.Std = Positive(name, v!); break;
            case "radius": o.Radius = Positive(name, v!); break;
            case "spacing": o.Spacing = Positive(name, v!); break;
            case "eval-samples": o.EvalSamples = Int(name, v!, 1); break;
            case "eval-every": o.EvalEvery = Int(name, v!, 0); break;
            case "log-every": o.LogEvery = Int(name, v!, 1); break;
            case "snapshots": o.Snapshots = v!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => Int(name, s, 1)).ToArray(); break;
            case "device": o.Device = v!; break;
            case "threads": o.Threads = Int(name, v!, 1); break;
            case "aggregate": o.Aggregate = v!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries); break;
            case "out": o.Out = v!.Length > 0 ? v : throw new ArgumentException("--out needs a folder."); break;
            default: throw new ArgumentException($"Unknown flag --{name} (see --help).");
        }
    }

    private static void Validate(SampleOptions o)
    {
        if (o.Methods.Contains(GanMethod.PacGan) && o.Batch % o.Pack != 0)
            throw new ArgumentException($"--batch {o.Batch} must be a multiple of --pack {o.Pack} for PacGAN (the batch is cut into batch / pack packs).");
        if (o.Snapshots.Count == 0) throw new ArgumentException("--snapshots: the list is empty.");
    }

    private static IReadOnlyList<string> ParseDatasets(string text)
    {
        var list = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(s => s.ToLowerInvariant()).Distinct().ToArray();
        if (list.Length == 0) throw new ArgumentException("--datasets: the list is empty.");
        foreach (var d in list)
            if (d is not ("ring" or "grid")) throw new ArgumentException($"--datasets: unknown data set '{d}'; expected ring, grid or ring,grid.");
        return list;
    }

    private static int Int(string name, string v, int min)
    {
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out int x))
            throw new ArgumentException($"--{name} expects an integer; got '{v}'.");
        if (x < min) throw new ArgumentException($"--{name} must be >= {min}; got {x}.");
        return x;
    }

    private static double Positive(string name, string v)
    {
        double x = Number(name, v);
        if (!(x > 0)) throw new ArgumentException($"--{name} must be positive; got {v}.");
        return x;
    }

    private static double InRange(string name, string v, double lo, double hi, bool upperOpen = false)
    {
        double x = Number(name, v);
        bool ok = x >= lo && (upperOpen ? x < hi : x <= hi);
        if (!ok) throw new ArgumentException($"--{name} must lie in [{lo}, {hi}{(upperOpen ? ")" : "]")}; got {v}.");
        return x;
    }

    private static double Number(string name, string v)
    {
        if (!double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) || !double.IsFinite(x))
            throw new ArgumentException($"--{name} expects a number; got '{v}'.");
        return x;
    }
}
