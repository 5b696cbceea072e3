using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SymmetricNets.Layers;
using TorchSharp.Modules;

namespace SymmetricNets.Benchmarks;

/// <summary>
/// The equivariant convolution of section 4.3, <c>beta + Lambda * x_b + Gamma * rho(x)</c>, against <c>nn.Conv2d</c>
/// (the baseline) and the naive form <c>mean_b(Gamma * x_b)</c> (every element convolved with Gamma, then the mean).
/// Input <c>[B, C, S, S]</c>, C channels in and out, 3x3 kernels, padding 1.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ConvLayerBenchmarks
{
    [ParamsSource(nameof(BatchSizes))] public int B;
    [ParamsSource(nameof(ChannelCounts))] public int C;
    [ParamsSource(nameof(ImageSizes))] public int S;

    public static IEnumerable<int> BatchSizes => Bench.Quick || Bench.Targets ? new[] { 64 } : new[] { 16, 64 };
    public static IEnumerable<int> ChannelCounts => Bench.Quick ? new[] { 64 } : new[] { 64, 128 };
    public static IEnumerable<int> ImageSizes => Bench.Quick ? new[] { 16 } : new[] { 16, 32 };

    private Conv2d conv = null!;
    private EquivariantConv2d equivariant = null!;
    private Tensor x = null!;
    private static readonly long[] Stride = { 1, 1 }, Padding = { 1, 1 }, Dilation = { 1, 1 };

    [GlobalSetup]
    public void Setup()
    {
        Bench.Init();
        conv = nn.Conv2d(C, C, 3, padding: 1);
        equivariant = sym.EquivariantConv2d(C, C, 3, padding: 1, setSize: B);
        x = torch.randn(B, C, S, S).requires_grad_();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        conv.Dispose();
        equivariant.Dispose();
        x.Dispose();
    }

    /// <summary>The naive equivariant conv: <c>Lambda * x + beta + mean_b(Gamma * x_b)</c>, a second full convolution.</summary>
    private Tensor Naive(Tensor input) =>
        nn.functional.conv2d(input, equivariant.weight!, equivariant.bias, Stride, Padding, Dilation) +
        nn.functional.conv2d(input, equivariant.mix_weight!, null, Stride, Padding, Dilation).mean(new long[] { 0 }, keepdim: true);

    [Benchmark(Baseline = true, Description = "nn.Conv2d"), BenchmarkCategory("Forward")]
    public void Conv_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        conv.forward(x);
    }

    [Benchmark(Description = "EquivariantConv2d"), BenchmarkCategory("Forward")]
    public void Equivariant_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        equivariant.forward(x);
    }

    [Benchmark(Description = "naive mean(Gamma * x)"), BenchmarkCategory("Forward")]
    public void Naive_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Naive(x);
    }

    [Benchmark(Baseline = true, Description = "nn.Conv2d"), BenchmarkCategory("ForwardBackward")]
    public void Conv_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        conv.forward(x).sum().backward();
        Bench.ClearGrads(conv);
        Bench.ClearGrads(x);
    }

    [Benchmark(Description = "EquivariantConv2d"), BenchmarkCategory("ForwardBackward")]
    public void Equivariant_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        equivariant.forward(x).sum().backward();
        Bench.ClearGrads(equivariant);
        Bench.ClearGrads(x);
    }

    [Benchmark(Description = "naive mean(Gamma * x)"), BenchmarkCategory("ForwardBackward")]
    public void Naive_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        Naive(x).sum().backward();
        Bench.ClearGrads(equivariant);
        Bench.ClearGrads(x);
    }
}
