using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SymmetricNets.Benchmarks;

// Entry point. Our own switches (--quick, --smoke) are removed before the rest goes to BenchmarkDotNet's
// command line (--filter, --job, --iterationCount, --list, --help, ...).
var rest = args.ToList();
bool quick = rest.Remove("--quick");
bool smoke = rest.Remove("--smoke");
bool targets = rest.Remove("--targets");
bool paired = rest.Remove("--paired");
bool steadyMalloc = rest.Remove("--steady-malloc");
double pairedSeconds = 10;
string? pairedOnly = null;
int pairedBlock = 1;
for (int i = 0; i < rest.Count; i++)
{
    if (rest[i] == "--only" && i + 1 < rest.Count) { pairedOnly = rest[i + 1]; rest.RemoveRange(i, 2); i--; continue; }
    if (rest[i] == "--block" && i + 1 < rest.Count && int.TryParse(rest[i + 1], out var blk) && blk >= 1)
    { pairedBlock = blk; rest.RemoveRange(i, 2); i--; continue; }
    if (rest[i] == "--seconds" && i + 1 < rest.Count &&
        double.TryParse(rest[i + 1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var sec) && sec > 0)
    { pairedSeconds = sec; rest.RemoveRange(i, 2); i--; }
}
bool help = rest.Contains("--help") || rest.Contains("-?");
bool hasFilter = rest.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal));
// BenchmarkDotNet ignores --job when the config defines its own base job (ours: in-process), so --job is read here.
string? jobName = null;
for (int i = 0; i < rest.Count; i++)
{
    if (rest[i] is "--job" or "-j" && i + 1 < rest.Count) { jobName = rest[i + 1]; rest.RemoveRange(i, 2); break; }
    if (rest[i].StartsWith("--job=", StringComparison.Ordinal)) { jobName = rest[i]["--job=".Length..]; rest.RemoveAt(i); break; }
}

if (help)
{
    Console.WriteLine("""
        SymmetricNets.Benchmarks: the cost of batch mixing (docs/benchmarks.md).

          dotnet run -c Release --project benchmarks/SymmetricNets.Benchmarks -- [--quick | --targets | --smoke] [BenchmarkDotNet options]

          --job J    default, dry, short, medium or long (BenchmarkDotNet's predefined jobs, run in-process)
          --quick    ShortRun job (1 launch, 3 warm-up, 3 measured iterations) on a subset: B = 64 and forward+backward
                     for the layers, plus the mixing and training classes. Under 5 minutes on 2 cores.
          --targets  The cases the targets in docs/benchmarks.md are stated for: B = 64 forward+backward for the layers
                     (every size), the mixing and training classes; combine with job options, e.g.
                       --targets --warmupCount 3 --iterationCount 30 --iterationTime 250
          --paired   The target cases as interleaved pairs (baseline and candidate back to back, alternating order),
                     outside BenchmarkDotNet: median of the per-pair ratios with a bootstrap 95 % interval and a verdict
                     against each target. About 10 s per case (--seconds S to change; at least 15 pairs), about 5 minutes;
                     --only TEXT keeps the cases whose name contains TEXT (e.g. dense, conv, mixing, iteration);
                     --block K times K consecutive calls per side and keeps the median of the last K - 1 (each
                     side then runs with its own data warm in the caches, as one model trained alone does).
                     Writes BenchmarkDotNet.Artifacts/results/paired-ratios.md and .csv.
          --steady-malloc
                     Keep glibc's allocator from returning freed memory to the kernel (mallopt: mmap threshold 32 MiB,
                     trim threshold 1 GiB, top pad 64 MiB), so that no iteration pays for faulting and zeroing fresh
                     pages; applies to every mode. Without it, glibc behaves as users get it (docs/benchmarks.md).
          --smoke    A dry job (one iteration, no warm-up) of the mixing sampler only, to prove the project runs (CI).
          (none)     BenchmarkDotNet's defaults; choose classes with --filter, e.g.
                       --filter '*DenseLayerBenchmarks*' '*ConvLayerBenchmarks*' '*MixingBenchmarks*' '*TrainingBenchmarks*'
                       --filter '*' --warmupCount 3 --iterationCount 20 --iterationTime 250   (the full run in docs/benchmarks.md)

        Classes: DenseLayerBenchmarks, DenseConcatBenchmarks, ConvLayerBenchmarks, MixingBenchmarks, TrainingBenchmarks.
        Every benchmark runs in-process (the native library patched in this project's output folder is the one loaded).
        SYMNETS_BENCH_THREADS=n sets torch's intra-op thread count (default 1; 0 = torch's default, one per core).
        BenchmarkDotNet's options follow.

        """);
}

if (steadyMalloc) Console.WriteLine(SteadyAllocator.Apply());

if (paired)
{
    Bench.SetThreads();
    Console.WriteLine($"torch intra-op threads: {torch.get_num_threads()}, processors: {Environment.ProcessorCount}, paired mode, {pairedSeconds} s per case");
    var artifacts = "BenchmarkDotNet.Artifacts";
    for (int i = 0; i + 1 < rest.Count; i++) if (rest[i] is "--artifacts" or "-a") artifacts = rest[i + 1];
    return PairedRatios.Run(pairedSeconds, minPairs: 15, pairedOnly, Path.Combine(artifacts, "results"),
        steadyMalloc ? "steady (--steady-malloc)" : "glibc default", pairedBlock);
}

Bench.Quick = quick || smoke;
Bench.Targets = targets;
if (smoke)
{
    if (!hasFilter) rest.AddRange(new[] { "--filter", "*MixingBenchmarks.Sample" });
    jobName ??= "dry";
}
else if (targets)
{
    if (!hasFilter)
        rest.AddRange(new[] { "--filter", "*DenseLayerBenchmarks.*FwdBwd", "*ConvLayerBenchmarks.*FwdBwd", "*MixingBenchmarks*", "*TrainingBenchmarks*" });
}
else if (quick)
{
    if (!hasFilter)
        rest.AddRange(new[] { "--filter", "*DenseLayerBenchmarks.*FwdBwd", "*ConvLayerBenchmarks.*FwdBwd", "*MixingBenchmarks*", "*TrainingBenchmarks*" });
    jobName ??= "short";
}

// The base job (AsDefault) that command-line job options modify: in-process, with a generous timeout for the
// slowest cases (a naive 128-channel 32x32 conv forward+backward at B = 64 takes seconds per call).
var baseJob = (jobName ?? "default").ToLowerInvariant() switch
{
    "default" => Job.Default,
    "dry" => Job.Dry,
    "short" or "shortrun" => Job.ShortRun,
    "medium" or "mediumrun" => Job.MediumRun,
    "long" or "longrun" => Job.LongRun,
    var other => throw new ArgumentException($"Unknown --job '{other}': use default, dry, short, medium or long."),
};
var job = baseJob.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)).AsDefault();
var config = DefaultConfig.Instance
    .AddJob(job)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.Median, new MedianRatioColumn());

Bench.SetThreads();
Console.WriteLine($"torch intra-op threads: {torch.get_num_threads()} (each benchmark sets its own in its setup), interop threads: {torch.get_num_interop_threads()}, processors: {Environment.ProcessorCount}, quick: {Bench.Quick}");
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Bench).Assembly).Run(rest.ToArray(), config).ToArray();
// Non-zero exit when a benchmark failed (threw, or produced no measurement), so CI notices.
var failed = summaries.Where(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)).ToArray();
foreach (var s in failed) Console.Error.WriteLine($"Failed: {s.Title}");
return failed.Length == 0 ? 0 : 1;
