using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SymmetricNets.Layers;
using TorchSharp.Modules;

namespace SymmetricNets.Benchmarks;

/// <summary>
/// The equivariant dense layer of eq. (12), <c>beta + x_b Lambda + rho(x) Gamma</c>, against <c>nn.Linear</c> (the
/// baseline), the same equation as the bare TorchSharp calls the layer makes (the floor of the layer's own overhead) and the naive form <c>rho(x Gamma)</c> (every element multiplied by Gamma, then the mean). Input
/// <c>[B, F]</c>, F in and F out features, the whole batch one set. Forward runs under <c>no_grad</c>; forward+backward
/// backpropagates <c>sum(y)</c> into the parameters and the input.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DenseLayerBenchmarks
{
    [ParamsSource(nameof(BatchSizes))] public int B;
    [ParamsSource(nameof(FeatureSizes))] public int F;

    public static IEnumerable<int> BatchSizes => Bench.Quick || Bench.Targets ? new[] { 64 } : new[] { 16, 64, 256 };
    public static IEnumerable<int> FeatureSizes => Bench.Quick ? new[] { 512 } : new[] { 128, 512 };

    private Linear linear = null!;
    private EquivariantLinear equivariant = null!;
    private Tensor x = null!;

    [GlobalSetup]
    public void Setup()
    {
        Bench.Init();
        linear = nn.Linear(F, F);
        equivariant = sym.EquivariantLinear(F, F, setSize: B);
        x = torch.randn(B, F).requires_grad_();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        linear.Dispose();
        equivariant.Dispose();
        x.Dispose();
    }

    /// <summary>The naive equivariant layer: <c>x Lambda + beta + mean_b(x_b Gamma)</c>, a second full product.</summary>
    private Tensor Naive(Tensor input) =>
        nn.functional.linear(input, equivariant.weight!, equivariant.bias) +
        nn.functional.linear(input, equivariant.mix_weight!).mean(new long[] { 0 }, keepdim: true);

    /// <summary>
    /// Eq. (12) as the bare TorchSharp calls the layer makes on this input (set sum / B, the Gamma row as an
    /// <c>addmv</c>, the main product with that row as bias), without the layer: no module call, no argument checks. The
    /// cheapest operator sequence we found for eq. (12) and its gradient, so <c>EquivariantLinear / floor</c> is what the
    /// library itself adds.
    /// </summary>
    private Tensor Floor(Tensor input)
    {
        using var rho = input.sum(0, keepdim: false).div_(B);
        using var row = torch.addmv(equivariant.bias!, equivariant.mix_weight, rho, 1, 1);
        return nn.functional.linear(input, equivariant.weight, row);
    }

    [Benchmark(Baseline = true, Description = "nn.Linear"), BenchmarkCategory("Forward")]
    public void Linear_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        linear.forward(x);
    }

    [Benchmark(Description = "EquivariantLinear"), BenchmarkCategory("Forward")]
    public void Equivariant_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        equivariant.forward(x);
    }

    [Benchmark(Description = "floor: eq. 12 as bare calls"), BenchmarkCategory("Forward")]
    public void Floor_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Floor(x);
    }

    [Benchmark(Description = "naive rho(x Gamma)"), BenchmarkCategory("Forward")]
    public void Naive_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        Naive(x);
    }

    [Benchmark(Baseline = true, Description = "nn.Linear"), BenchmarkCategory("ForwardBackward")]
    public void Linear_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        linear.forward(x).sum().backward();
        Bench.ClearGrads(linear);
        Bench.ClearGrads(x);
    }

    [Benchmark(Description = "EquivariantLinear"), BenchmarkCategory("ForwardBackward")]
    public void Equivariant_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        equivariant.forward(x).sum().backward();
        Bench.ClearGrads(equivariant);
        Bench.ClearGrads(x);
    }

    [Benchmark(Description = "floor: eq. 12 as bare calls"), BenchmarkCategory("ForwardBackward")]
    public void Floor_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        Floor(x).sum().backward();
        Bench.ClearGrads(equivariant);
        Bench.ClearGrads(x);
    }

    /// <summary>
    /// <c>nn.Linear</c> followed by one elementwise operation that changes nothing (<c>y * 1</c>): the price of a single
    /// extra operator and autograd node on this input, a lower bound for any layer that does more than a
    /// <c>Linear</c> (eq. 12 needs at least the set sum, the Gamma product and their gradients).
    /// </summary>
    [Benchmark(Description = "nn.Linear + one elementwise op"), BenchmarkCategory("ForwardBackward")]
    public void LinearPlusOneOp_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        linear.forward(x).mul(1.0).sum().backward();
        Bench.ClearGrads(linear);
        Bench.ClearGrads(x);
    }

    [Benchmark(Description = "naive rho(x Gamma)"), BenchmarkCategory("ForwardBackward")]
    public void Naive_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        Naive(x).sum().backward();
        Bench.ClearGrads(equivariant);
        Bench.ClearGrads(x);
    }
}

/// <summary>
/// The "concatenate the batch into one feature vector" discriminator layer the paper rejects (section 3.2): a
/// <c>Linear(B F, B F)</c> on the flattened <c>[1, B F]</c> batch, against <c>nn.Linear(F, F)</c> on <c>[B, F]</c>. Its
/// weight has <c>(B F)^2</c> entries, so only the sizes whose weight fits in memory are run (at B = 64, F = 512 it
/// would be 4 GiB; at B = 256, F = 512, 64 GiB).
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class DenseConcatBenchmarks
{
    [ParamsSource(nameof(Shapes))] public string Shape = "";

    public static IEnumerable<string> Shapes => Bench.Quick ? new[] { "B=16,F=128" } : new[] { "B=16,F=128", "B=16,F=512", "B=64,F=128" };

    private Linear linear = null!;
    private Linear concat = null!;
    private Tensor x = null!;
    private long b, f;

    [GlobalSetup]
    public void Setup()
    {
        Bench.Init();
        var parts = Shape.Split(',').Select(p => long.Parse(p.Split('=')[1])).ToArray();
        (b, f) = (parts[0], parts[1]);
        linear = nn.Linear(f, f);
        concat = nn.Linear(b * f, b * f);
        x = torch.randn(b, f).requires_grad_();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        linear.Dispose();
        concat.Dispose();
        x.Dispose();
    }

    [Benchmark(Baseline = true, Description = "nn.Linear"), BenchmarkCategory("Forward")]
    public void Linear_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        linear.forward(x);
    }

    [Benchmark(Description = "naive concat Linear(BF, BF)"), BenchmarkCategory("Forward")]
    public void Concat_Fwd()
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        concat.forward(x.reshape(1, b * f)).reshape(b, f);
    }

    [Benchmark(Baseline = true, Description = "nn.Linear"), BenchmarkCategory("ForwardBackward")]
    public void Linear_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        linear.forward(x).sum().backward();
        Bench.ClearGrads(linear);
        Bench.ClearGrads(x);
    }

    [Benchmark(Description = "naive concat Linear(BF, BF)"), BenchmarkCategory("ForwardBackward")]
    public void Concat_FwdBwd()
    {
        using var scope = torch.NewDisposeScope();
        concat.forward(x.reshape(1, b * f)).reshape(b, f).sum().backward();
        Bench.ClearGrads(concat);
        Bench.ClearGrads(x);
    }
}
