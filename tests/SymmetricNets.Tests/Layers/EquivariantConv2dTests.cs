using FsCheck.Xunit;
using SymmetricNets.Layers;
using SymmetricNets.Tests.Support;
using F = TorchSharp.torch.nn.functional;

namespace SymmetricNets.Tests.Layers;

public class EquivariantConv2dTests
{
    private static EquivariantConv2d RandomLayer(Random r, long cin, long cout, ScalarType dt, long numSets = 1, int dim = 0, long? setSize = null)
    {
        long k = r.Next(1, 4), s = r.Next(1, 3), p = r.Next(0, 2), d = r.Next(1, 3);
        return new EquivariantConv2d(cin, cout, (k, k), (s, s), (p, p), (d, d), hasBias: r.Next(2) == 0, setSize: setSize,
            numSets: numSets, dim: dim, dtype: dt);
    }

    private static Tensor Conv(Tensor x, Tensor w, Tensor? b, EquivariantConv2d l) => F.conv2d(x, w, b, l.stride, l.padding, l.dilation);

    [Property(MaxTest = 200)]
    public void MatchesConvOfEachElementPlusConvOfTheExplicitMean(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(1, 65), cin = r.Next(1, 4), cout = r.Next(1, 4);
        var layer = RandomLayer(r, cin, cout, ScalarType.Float64);
        using var x = TT.Rand(r, new long[] { n, cin, 7, 6 });
        using var y = layer.forward(x);
        // The set-mean image, summed element by element.
        var mean = torch.zeros(new long[] { 1, cin, 7, 6 }, dtype: ScalarType.Float64);
        for (int b = 0; b < n; b++) mean = mean + x.narrow(0, b, 1);
        mean = mean / n;
        using var mixed = Conv(mean, layer.mix_weight, layer.bias, layer);
        for (int b = 0; b < n; b++)
            TT.Close(Conv(x.narrow(0, b, 1), layer.weight, null, layer) + mixed, y.narrow(0, b, 1), ScalarType.Float64, $"element {b}");
    }

    [Property(MaxTest = 200)]
    public void IsPermutationEquivariant(int seed)
    {
        var r = new Random(seed);
        foreach (var dt in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            int n = r.Next(1, 65), cin = r.Next(1, 4), cout = r.Next(1, 4);
            bool grouped = r.Next(2) == 0;
            int dim = grouped ? 1 : 0;
            var layer = RandomLayer(r, cin, cout, dt, dim: dim, setSize: n);
            var shape = grouped ? new long[] { 2, n, cin, 5, 5 } : new long[] { n, cin, 5, 5 };
            using var x = TT.Rand(r, shape, dt);
            var perm = TT.Permutation(r, n);
            TT.Close(TT.Permute(layer.forward(x), perm, dim), layer.forward(TT.Permute(x, perm, dim)), dt, $"{dt}");
        }
    }

    [Property(MaxTest = 200)]
    public void SetOfOneIsAConv2dWithWeightLambdaPlusGamma(int seed)
    {
        var r = new Random(seed);
        int cin = r.Next(1, 4), cout = r.Next(1, 4);
        var layer = RandomLayer(r, cin, cout, ScalarType.Float64, dim: 1);
        using var x = TT.Rand(r, new long[] { 3, 1, cin, 6, 6 });   // three sets of one element
        using var expected = Conv(x.squeeze(1), layer.weight + layer.mix_weight, layer.bias, layer).unsqueeze(1);
        TT.Close(expected, layer.forward(x), ScalarType.Float64);
    }

    [Property(MaxTest = 200)]
    public void KSetsEqualKSeparateRuns(int seed)
    {
        var r = new Random(seed);
        int k = r.Next(1, 5), m = r.Next(1, 9), cin = r.Next(1, 3), cout = r.Next(1, 3);
        var layer = RandomLayer(r, cin, cout, ScalarType.Float64, numSets: k);
        var single = new EquivariantConv2d(cin, cout, (layer.kernel_size[0], layer.kernel_size[1]), (layer.stride[0], layer.stride[1]),
            (layer.padding[0], layer.padding[1]), (layer.dilation[0], layer.dilation[1]), layer.bias is not null, dtype: ScalarType.Float64);
        single.load_state_dict(layer.state_dict());
        using var x = TT.Rand(r, new long[] { k * m, cin, 5, 5 });
        using var all = layer.forward(x);
        for (int j = 0; j < k; j++)
            TT.Close(single.forward(x.narrow(0, j * m, m)), all.narrow(0, j * m, m), ScalarType.Float64, $"set {j}");
    }

    [Property(MaxTest = 200)]
    public void MaskedElementsDoNotMovePresentOutputs(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(2, 17);
        var present = Enumerable.Range(0, n).Select(_ => r.Next(3) > 0).ToArray();
        present[r.Next(n)] = true;
        var layer = RandomLayer(r, 2, 3, ScalarType.Float64);
        using var x = TT.Rand(r, new long[] { n, 2, 5, 5 });
        using var mask = TT.Mask(present, new long[] { n });
        using var noisy = x.clone();
        for (int i = 0; i < n; i++) if (!present[i]) noisy[i].fill_(double.NaN);
        using var y = layer.forward(noisy, mask);
        var idx = torch.tensor(Enumerable.Range(0, n).Where(i => present[i]).Select(i => (long)i).ToArray());
        TT.Close(layer.forward(x.index_select(0, idx)), y.index_select(0, idx), ScalarType.Float64, "present outputs");
        TT.Finite(y, "all outputs");
    }

    [Fact]
    public void AllMaskedSetAndSingleElementHaveFiniteGradients()
    {
        var layer = new EquivariantConv2d(2, 2, (3, 3), padding: (1, 1), dim: 1, dtype: ScalarType.Float64);
        var x = torch.randn(new long[] { 2, 3, 2, 4, 4 }, dtype: ScalarType.Float64).requires_grad_(true);
        var mask = torch.tensor(new[] { false, false, false, true, false, false }).reshape(2, 3);
        var y = layer.forward(x, mask);
        y.square().sum().backward();
        TT.Finite(y, "output");
        TT.Finite(x.grad!, "input grad");
        TT.Finite(layer.weight.grad!, "Lambda grad");
    }

    [Fact]
    public void InitReweightingAndStateDictNames()
    {
        torch.manual_seed(5);
        var plain = new EquivariantConv2d(3, 4, (3, 3), setSize: 16, reweight: false);
        torch.manual_seed(5);
        var rew = new EquivariantConv2d(3, 4, (3, 3), setSize: 16);
        TT.Close(plain.weight * (16 / 17.0), rew.weight, 1e-7, 1e-6, "Lambda");
        TT.Close(plain.mix_weight / 17.0, rew.mix_weight, 1e-7, 1e-6, "Gamma");
        Assert.Equal(new[] { "bias", "mix_weight", "weight" }, rew.state_dict().Keys.OrderBy(s => s));
        Assert.Equal(new long[] { 4, 3, 3, 3 }, rew.mix_weight.shape);
    }

    [Fact]
    public void BadInputThrowsNamingInputAndShapes()
    {
        var layer = new EquivariantConv2d(3, 4, (3, 3));
        var e = Assert.Throws<ArgumentException>(() => layer.forward(torch.zeros(2, 5, 8, 8)));
        Assert.Equal("input", e.ParamName);
        Assert.Contains("[2, 5, 8, 8]", e.Message);
        e = Assert.Throws<ArgumentException>(() => layer.forward(torch.zeros(3, 8, 8)));
        Assert.Equal("input", e.ParamName);
    }
}
