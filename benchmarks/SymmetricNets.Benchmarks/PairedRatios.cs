using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace SymmetricNets.Benchmarks;

/// <summary>
/// <c>--paired</c>: the target cases measured as interleaved pairs, outside BenchmarkDotNet. BenchmarkDotNet measures
/// one benchmark after the other, so on a shared machine the baseline and the candidate of a ratio see different
/// conditions (its rows move by 10-25 % between runs, docs/benchmarks.md). Here every pair calls the baseline and the
/// candidate back to back, alternating which goes first, and the statistic is the median of the per-pair ratios with
/// a bootstrap 95 % confidence interval. The calls are the [Benchmark] methods of the benchmark classes themselves,
/// with the same setup, so both tools measure exactly the same work.
/// </summary>
internal static class PairedRatios
{
    private sealed record Case(string Name, string Target, double? Limit, bool Percent, Func<(Action Baseline, Action Candidate, Action Cleanup)> Make);

    private static IEnumerable<Case> Cases()
    {
        var dense = new (string Label, string Target, double? Limit, Func<DenseLayerBenchmarks, (Action, Action)> Sides)[]
        {
            ("EquivariantLinear / nn.Linear, fwd+bwd", "<= 1.10", 1.10, b => (b.Linear_FwdBwd, b.Equivariant_FwdBwd)),
            ("floor (eq. 12 as bare calls) / nn.Linear, fwd+bwd (no target)", "", null, b => (b.Linear_FwdBwd, b.Floor_FwdBwd)),
            ("EquivariantLinear / floor, fwd+bwd (no target)", "", null, b => (b.Floor_FwdBwd, b.Equivariant_FwdBwd)),
            ("nn.Linear + one elementwise op / nn.Linear, fwd+bwd (no target: the price of one autograd node)", "", null,
                b => (b.Linear_FwdBwd, b.LinearPlusOneOp_FwdBwd)),
        };
        foreach (var d in dense)
            foreach (var f in new[] { 128, 512 })
                yield return new($"dense, B = 64, F = {f}: {d.Label}", d.Target, d.Limit, false, () =>
                {
                    var b = new DenseLayerBenchmarks { B = 64, F = f };
                    b.Setup();
                    var (baseline, candidate) = d.Sides(b);
                    return (baseline, candidate, b.Cleanup);
                });
        foreach (var c in new[] { 64, 128 })
            foreach (var s in new[] { 16, 32 })
                yield return new($"conv, B = 64, {c} ch, {s}x{s}: EquivariantConv2d / nn.Conv2d, fwd+bwd", "<= 1.10", 1.10, false, () =>
                {
                    var b = new ConvLayerBenchmarks { B = 64, C = c, S = s };
                    b.Setup();
                    return (b.Conv_FwdBwd, b.Equivariant_FwdBwd, b.Cleanup);
                });
        yield return new("mixing: Sample / SNGAN D fwd+bwd, [64, 3, 32, 32]", "<= 2 %", 0.02, true, () =>
        {
            var b = new MixingBenchmarks();
            b.Setup();
            return (b.DiscriminatorStep, b.Sample, b.Cleanup);
        });
        yield return new("mixing: Sample + complement / SNGAN D fwd+bwd", "<= 2 %", 0.02, true, () =>
        {
            var b = new MixingBenchmarks();
            b.Setup();
            return (b.DiscriminatorStep, b.SampleWithComplement, b.Cleanup);
        });
        yield return new("symmetric / plain SNGAN D fwd+bwd (no target)", "", null, false, () =>
        {
            var b = new MixingBenchmarks();
            b.Setup();
            return (b.DiscriminatorStep, b.SymmetricDiscriminatorStep, b.Cleanup);
        });
        foreach (var m in TrainingBenchmarks.ModelNames)
            yield return new($"iteration, {m}: BGAN / standard GAN", "<= 1.15", 1.15, false, () =>
            {
                var b = new TrainingBenchmarks { Model = m };
                b.Setup();
                return (b.StandardGanIteration, b.BganIteration, b.Cleanup);
            });
    }

    /// <summary>Runs every case (whose name contains <paramref name="only"/>, when given) for about <paramref name="seconds"/> seconds (at least <paramref name="minPairs"/> pairs),
    /// prints a Markdown table and writes it (and a CSV) to <paramref name="outDir"/>; <paramref name="allocator"/> names the
    /// allocator setting in the table's header. Returns 0.</summary>
    public static int Run(double seconds, int minPairs, string? only, string outDir, string allocator, int block = 1)
    {
        var started = DateTime.UtcNow;
        var rows = new List<string[]>();
        foreach (var c in Cases().Where(c => only is null || c.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
        {
            var (baseline, candidate, cleanup) = c.Make();
            try
            {
                var (tb, tc) = Measure(baseline, candidate, seconds, minPairs, block);
                var ratios = tb.Zip(tc, (x, y) => y / x).ToArray();
                double med = Median(ratios);
                var (lo, hi) = BootstrapMedianCI(ratios, 2000, new Random(Bench.Seed));
                string F(double r) => c.Percent ? (100 * r).ToString("0.000", CultureInfo.InvariantCulture) + " %" : r.ToString("0.000", CultureInfo.InvariantCulture);
                string verdict = Verdict(lo, hi, c.Limit);
                var row = new[]
                {
                    c.Name, tb.Length.ToString(CultureInfo.InvariantCulture), Time(Median(tb)), Time(Median(tc)),
                    F(Median(tc) / Median(tb)), F(med), $"[{F(lo)}, {F(hi)}]", c.Target, verdict,
                };
                rows.Add(row);
                Console.WriteLine($"// paired: {string.Join(" | ", row)}");
            }
            finally { cleanup(); }
        }

        var header = new[] { "case", "pairs", "baseline median", "candidate median", "ratio of medians", "median paired ratio", "95 % CI", "target", "verdict" };
        var md = new StringBuilder();
        md.AppendLine($"Paired ratios, {started:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} processors, torch threads {torch.get_num_threads()}, allocator {allocator}, {(block == 1 ? "single calls" : $"blocks of {block} calls")}, about {seconds} s per case");
        md.AppendLine();
        md.AppendLine("| " + string.Join(" | ", header) + " |");
        md.AppendLine("|" + string.Join("|", header.Select((_, i) => i == 0 || i >= 7 ? "---" : "---:")) + "|");
        foreach (var r in rows) md.AppendLine("| " + string.Join(" | ", r) + " |");
        Console.WriteLine();
        Console.Write(md.ToString());
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "paired-ratios.md"), md.ToString());
        File.WriteAllLines(Path.Combine(outDir, "paired-ratios.csv"),
            new[] { string.Join(",", header) }.Concat(rows.Select(r => string.Join(",", r.Select(v => "\"" + v.Replace("\"", "\"\"") + "\"")))));
        Console.WriteLine($"// written: {Path.Combine(outDir, "paired-ratios.md")} and .csv");
        return 0;
    }

    /// <summary>Three warm-up pairs, then pairs until both the time budget and the minimum count are reached.
    /// Even pairs run the baseline first, odd pairs the candidate first. With <paramref name="block"/> &gt; 1 each side of
    /// a pair is that many consecutive calls, the first one (which finds the other side's data in the caches) dropped and
    /// the median of the rest kept: the steady state of one model trained alone, still paired against drift.</summary>
    internal static (double[] Baseline, double[] Candidate) Measure(Action baseline, Action candidate, double seconds, int minPairs, int block)
    {
        for (int i = 0; i < 3; i++) { baseline(); candidate(); }
        var tb = new List<double>();
        var tc = new List<double>();
        var total = Stopwatch.StartNew();
        var sw = new Stopwatch();
        var calls = new double[block];
        double Side(Action side)
        {
            for (int k = 0; k < block; k++) { sw.Restart(); side(); calls[k] = sw.Elapsed.TotalMicroseconds; }
            return block == 1 ? calls[0] : Median(calls[1..]);
        }
        for (int i = 0; tb.Count < minPairs || total.Elapsed.TotalSeconds < seconds; i++)
        {
            if (i % 2 == 0) { tb.Add(Side(baseline)); tc.Add(Side(candidate)); }
            else { tc.Add(Side(candidate)); tb.Add(Side(baseline)); }
            if (tb.Count >= 100_000) break;
        }
        return (tb.ToArray(), tc.ToArray());
    }

    /// <summary>The verdict against an upper limit: met when the whole interval <c>[lo, hi]</c> is at or under it, missed
    /// when the whole interval is above it, undecided when it spans it; empty when there is no target.</summary>
    internal static string Verdict(double lo, double hi, double? limit) =>
        limit is not double l ? "" : hi <= l ? "met" : lo > l ? "missed" : "undecided (CI spans the target)";

    internal static double Median(IReadOnlyList<double> v)
    {
        var s = v.Order().ToArray();
        int n = s.Length;
        return n % 2 == 1 ? s[n / 2] : 0.5 * (s[n / 2 - 1] + s[n / 2]);
    }

    /// <summary>Percentile bootstrap 95 % interval of the median.</summary>
    internal static (double Lo, double Hi) BootstrapMedianCI(double[] v, int resamples, Random r)
    {
        var meds = new double[resamples];
        var buf = new double[v.Length];
        for (int k = 0; k < resamples; k++)
        {
            for (int i = 0; i < v.Length; i++) buf[i] = v[r.Next(v.Length)];
            meds[k] = Median(buf);
        }
        Array.Sort(meds);
        return (meds[(int)(0.025 * (resamples - 1))], meds[(int)Math.Ceiling(0.975 * (resamples - 1))]);
    }

    private static string Time(double us) =>
        us >= 1000 ? (us / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " ms" : us.ToString("0.0", CultureInfo.InvariantCulture) + " us";
}
