namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>Command-line names and display names of <see cref="GanMethod"/>.</summary>
public static class GanMethods
{
    private static readonly (GanMethod Method, string Name)[] Names =
    [
        (GanMethod.Gan, "gan"), (GanMethod.Mixup, "mixup"), (GanMethod.Bgan, "bgan"),
        (GanMethod.MBgan, "mbgan"), (GanMethod.PacGan, "pacgan"), (GanMethod.MinibatchStd, "mbstd"),
    ];

    /// <summary>Every method, in the order of the figures and tables.</summary>
    public static IReadOnlyList<GanMethod> All { get; } = Names.Select(n => n.Method).ToArray();

    /// <summary>The command-line name (<c>gan</c>, <c>mixup</c>, <c>bgan</c>, <c>mbgan</c>, <c>pacgan</c>, <c>mbstd</c>).</summary>
    /// <param name="method">The method.</param>
    public static string Name(GanMethod method) => Names.First(n => n.Method == method).Name;

    /// <summary>The label used in figures and tables (PacGAN carries its pack size).</summary>
    /// <param name="method">The method.</param>
    /// <param name="pack">The PacGAN pack size.</param>
    public static string Label(GanMethod method, int pack) => method switch
    {
        GanMethod.Gan => "GAN",
        GanMethod.Mixup => "mixup",
        GanMethod.Bgan => "BGAN",
        GanMethod.MBgan => "M-BGAN",
        GanMethod.PacGan => $"PacGAN{pack}",
        GanMethod.MinibatchStd => "MBstd",
        _ => method.ToString(),
    };

    /// <summary>The method of a label written by <see cref="Label"/> (any PacGAN pack size).</summary>
    /// <param name="label">For example <c>M-BGAN</c> or <c>PacGAN4</c>.</param>
    /// <exception cref="ArgumentException">Not a label of this sample.</exception>
    public static GanMethod FromLabel(string label) => label.StartsWith("PacGAN", StringComparison.Ordinal)
        ? GanMethod.PacGan
        : All.Where(m => m != GanMethod.PacGan && Label(m, 0) == label).Cast<GanMethod?>().FirstOrDefault()
          ?? throw new ArgumentException($"Unknown method label '{label}'.");

    /// <summary>Parses a comma-separated list of method names, or <c>all</c>.</summary>
    /// <param name="text">For example <c>gan,bgan</c>.</param>
    /// <exception cref="ArgumentException">An unknown or repeated name.</exception>
    public static IReadOnlyList<GanMethod> ParseList(string text)
    {
        if (text.Trim() == "all") return All;
        var result = new List<GanMethod>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var hit = Names.Where(n => n.Name == raw.ToLowerInvariant()).ToArray();
            if (hit.Length == 0)
                throw new ArgumentException($"--methods: unknown method '{raw}'; expected a comma-separated list of {string.Join(", ", Names.Select(n => n.Name))} or 'all'.");
            if (result.Contains(hit[0].Method))
                throw new ArgumentException($"--methods: '{raw}' is listed twice.");
            result.Add(hit[0].Method);
        }

        if (result.Count == 0) throw new ArgumentException("--methods: the list is empty.");
        return result;
    }
}
