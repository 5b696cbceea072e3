using TorchSharp.Modules;

namespace SymmetricNets.Benchmarks;

/// <summary>Settings shared by the benchmark classes.</summary>
internal static class Bench
{
    /// <summary>True under <c>--quick</c> (or the smoke run): the parameter sources return a small subset.</summary>
    public static bool Quick { get; set; }

    /// <summary>True under <c>--targets</c>: the layer classes run B = 64 only (every feature/channel/image size).</summary>
    public static bool Targets { get; set; }

    /// <summary>Fixed seed: every benchmark sees the same weights and inputs.</summary>
    public const int Seed = 20180710;

    /// <summary>
    /// Called by every [GlobalSetup]: sets the thread count and the seed. The in-process toolchain runs each benchmark
    /// on a thread of its own, and torch's thread count (OpenMP, MKL) is a per-thread setting, so it must be set there,
    /// not (only) in Main.
    /// </summary>
    public static void Init()
    {
        SetThreads();
        torch.random.manual_seed(Seed);
        Console.WriteLine($"// torch intra-op threads on the benchmark thread: {torch.get_num_threads()}");
    }

    /// <summary>
    /// Sets torch's intra-op thread count: <c>SYMNETS_BENCH_THREADS</c> (0 = torch's default, one per core), else 1.
    /// One thread is the default because the benchmarks are meant for shared machines: with two OpenMP threads on two
    /// cores that other processes also use, every parallel region waits for a descheduled thread, and the cost of a
    /// benchmark tracks its number of operations rather than its arithmetic (docs/benchmarks.md shows both).
    /// </summary>
    public static void SetThreads()
    {
        var n = 1;
        if (Environment.GetEnvironmentVariable("SYMNETS_BENCH_THREADS") is { } t && int.TryParse(t, out var v) && v >= 0) n = v;
        if (n > 0) torch.set_num_threads(n);
    }

    /// <summary>Drops the gradients of <paramref name="tensors"/> (set to none, as PyTorch's default <c>zero_grad</c>),
    /// so every iteration's backward allocates fresh gradients and nothing accumulates.</summary>
    public static void ClearGrads(params Tensor[] tensors)
    {
        foreach (var t in tensors)
        {
            if (t.grad is { } g) { t.grad = null; g.Dispose(); }
        }
    }

    /// <summary>Drops the gradients of every parameter of <paramref name="module"/>.</summary>
    public static void ClearGrads(nn.Module module)
    {
        foreach (var p in module.parameters()) ClearGrads(p);
    }
}
