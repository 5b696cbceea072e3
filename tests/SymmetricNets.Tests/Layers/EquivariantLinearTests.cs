using FsCheck.Xunit;
using SymmetricNets.Layers;
using SymmetricNets.Tests.Support;

namespace SymmetricNets.Tests.Layers;

public class EquivariantLinearTests
{
    /// <summary>Eq. (12) evaluated by hand on host arrays: beta + x_b Lambda + mean(x) Gamma for one set [N, in].</summary>
    private static double[,] Reference(double[] x, int n, int fin, double[] w, double[] g, double[]? b, int fout)
    {
        var mean = new double[fin];
        for (int i = 0; i < n; i++) for (int f = 0; f < fin; f++) mean[f] += x[i * fin + f] / n;
        var y = new double[n, fout];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < fout; o++)
            {
                double s = b?[o] ?? 0;
                for (int f = 0; f < fin; f++) s += x[i * fin + f] * w[o * fin + f] + mean[f] * g[o * fin + f];
                y[i, o] = s;
            }
        return y;
    }

    [Property(MaxTest = 200)]
    public void MatchesEquationTwelveComputedByHand(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(1, 65), fin = r.Next(1, 9), fout = r.Next(1, 9);
        bool hasBias = r.Next(2) == 0;
        var layer = new EquivariantLinear(fin, fout, hasBias, dtype: ScalarType.Float64);
        var x = TT.Uniform(r, n * fin);
        using var y = layer.forward(torch.tensor(x).reshape(n, fin));
        var expected = Reference(x, n, fin, TT.Data(layer.weight), TT.Data(layer.mix_weight), hasBias ? TT.Data(layer.bias!) : null, fout);
        var got = TT.Data(y);
        for (int i = 0; i < n; i++) for (int o = 0; o < fout; o++)
            Assert.Equal(expected[i, o], got[i * fout + o], 10);
    }

    /// <summary>
    /// Gradients of <c>L = sum_{b,o} C[b,o] y[b,o]</c> for one set, derived by hand from eq. (12):
    /// dL/dLambda = C^T x, dL/dGamma = (sum_b C_b)^T rho, dL/dbeta = sum_b C_b, dL/dx_b = C_b Lambda + (1/N) (sum_b' C_b') Gamma.
    /// Checked on <c>[N, in]</c> (the fast path) and on <c>[1, N, in]</c> with <c>dim = 1</c> (the general path).
    /// </summary>
    [Property(MaxTest = 100)]
    public void GradientsMatchTheClosedForm(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(1, 33), fin = r.Next(1, 7), fout = r.Next(1, 7);
        bool hasBias = r.Next(2) == 0, grouped = r.Next(2) == 0;
        var layer = new EquivariantLinear(fin, fout, hasBias, dim: grouped ? 1 : 0, dtype: ScalarType.Float64);
        double[] xv = TT.Uniform(r, n * fin), cv = TT.Uniform(r, n * fout), w = TT.Data(layer.weight), g = TT.Data(layer.mix_weight);
        var shape = grouped ? new long[] { 1, n, fin } : new long[] { n, fin };
        using var x = torch.tensor(xv).reshape(shape).requires_grad_(true);
        using var c = torch.tensor(cv).reshape(grouped ? new long[] { 1, n, fout } : new long[] { n, fout });
        using var loss = (layer.forward(x) * c).sum();
        loss.backward();

        var rho = new double[fin];
        var csum = new double[fout];
        for (int i = 0; i < n; i++) for (int f = 0; f < fin; f++) rho[f] += xv[i * fin + f] / n;
        for (int i = 0; i < n; i++) for (int o = 0; o < fout; o++) csum[o] += cv[i * fout + o];
        double[] gW = new double[fout * fin], gG = new double[fout * fin], gX = new double[n * fin];
        for (int o = 0; o < fout; o++)
            for (int f = 0; f < fin; f++)
            {
                for (int i = 0; i < n; i++) gW[o * fin + f] += cv[i * fout + o] * xv[i * fin + f];
                gG[o * fin + f] = csum[o] * rho[f];
            }
        for (int i = 0; i < n; i++)
            for (int f = 0; f < fin; f++)
                for (int o = 0; o < fout; o++)
                    gX[i * fin + f] += cv[i * fout + o] * w[o * fin + f] + csum[o] * g[o * fin + f] / n;

        TT.Close(torch.tensor(gW), layer.weight.grad!.reshape(-1), 1e-10, 1e-9, "dL/dLambda");
        TT.Close(torch.tensor(gG), layer.mix_weight.grad!.reshape(-1), 1e-10, 1e-9, "dL/dGamma");
        TT.Close(torch.tensor(gX), x.grad!.reshape(-1), 1e-10, 1e-9, "dL/dx");
        if (hasBias) TT.Close(torch.tensor(csum), layer.bias!.grad!, 1e-10, 1e-9, "dL/dbeta");
    }

    [Property(MaxTest = 200)]
    public void IsPermutationEquivariant(int seed)
    {
        var r = new Random(seed);
        foreach (var dt in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            int n = r.Next(1, 65), fin = r.Next(1, 9), fout = r.Next(1, 9), g = r.Next(1, 4);
            bool grouped = r.Next(2) == 0;   // [G, N, F] with dim 1, or [N, F] with dim 0
            int dim = grouped ? 1 : 0;
            var layer = new EquivariantLinear(fin, fout, dim: dim, setSize: n, dtype: dt);
            var shape = grouped ? new long[] { g, n, fin } : new long[] { n, fin };
            using var x = TT.Rand(r, shape, dt);
            var perm = TT.Permutation(r, n);
            using var lhs = layer.forward(TT.Permute(x, perm, dim));
            using var rhs = TT.Permute(layer.forward(x), perm, dim);
            TT.Close(rhs, lhs, dt, $"{dt} f(Px) vs P f(x)");
        }
    }

    [Property(MaxTest = 200)]
    public void SetOfOneIsALinearWithWeightLambdaPlusGamma(int seed)
    {
        var r = new Random(seed);
        int fin = r.Next(1, 9), fout = r.Next(1, 9), rows = r.Next(1, 5);
        var eq = new EquivariantLinear(fin, fout, dim: 1, dtype: ScalarType.Float64);   // [rows, 1, F]: many sets of one
        var lin = nn.Linear(fin, fout, dtype: ScalarType.Float64);
        using (no_grad())
        {
            lin.weight!.copy_(eq.weight + eq.mix_weight);
            lin.bias!.copy_(eq.bias!);
        }
        using var x = TT.Rand(r, new long[] { rows, 1, fin });
        TT.Close(lin.forward(x), eq.forward(x), ScalarType.Float64);
    }

    [Property(MaxTest = 200)]
    public void KSetsEqualKSeparateRuns(int seed)
    {
        var r = new Random(seed);
        int k = r.Next(1, 5), m = r.Next(1, 17), fin = r.Next(1, 6), fout = r.Next(1, 6);
        var layer = new EquivariantLinear(fin, fout, numSets: k, dtype: ScalarType.Float64);
        var single = new EquivariantLinear(fin, fout, dtype: ScalarType.Float64);
        single.load_state_dict(layer.state_dict());
        using var x = TT.Rand(r, new long[] { k * m, fin });
        using var all = layer.forward(x);
        for (int j = 0; j < k; j++)
            TT.Close(single.forward(x.narrow(0, j * m, m)), all.narrow(0, j * m, m), ScalarType.Float64, $"set {j}");
    }

    [Property(MaxTest = 200)]
    public void MaskedElementsDoNotMovePresentOutputs(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(2, 33), fin = r.Next(1, 6), fout = r.Next(1, 6);
        var present = Enumerable.Range(0, n).Select(_ => r.Next(3) > 0).ToArray();
        present[r.Next(n)] = true;
        var layer = new EquivariantLinear(fin, fout, dtype: ScalarType.Float64);
        using var x = TT.Rand(r, new long[] { n, fin });
        using var mask = TT.Mask(present, new long[] { n });
        using var y = layer.forward(x, mask);
        // Garbage (huge and NaN) in the absent rows changes nothing.
        using var noisy = x.clone();
        for (int i = 0; i < n; i++) if (!present[i]) noisy[i].fill_(i % 2 == 0 ? double.NaN : 1e30);
        TT.Close(y, layer.forward(noisy, mask), ScalarType.Float64, "garbage in absent rows");
        // Present outputs equal a run on the present elements alone; absent outputs are 0.
        var idx = Enumerable.Range(0, n).Where(i => present[i]).Select(i => (long)i).ToArray();
        using var sub = layer.forward(x.index_select(0, torch.tensor(idx)));
        TT.Close(sub, y.index_select(0, torch.tensor(idx)), ScalarType.Float64, "present outputs");
        for (int i = 0; i < n; i++) if (!present[i]) Assert.All(TT.Data(y[i]), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void AllMaskedSetGivesFiniteOutputsAndGradients()
    {
        var layer = new EquivariantLinear(3, 2, dim: 1, dtype: ScalarType.Float64);
        var x = torch.randn(new long[] { 2, 4, 3 }, dtype: ScalarType.Float64).requires_grad_(true);
        var mask = torch.tensor(new[] { false, false, false, false, true, false, true, true }).reshape(2, 4);
        var y = layer.forward(x, mask);
        y.sum().backward();
        TT.Finite(y, "output");
        TT.Finite(x.grad!, "input grad");
        TT.Finite(layer.mix_weight.grad!, "Gamma grad");
        Assert.All(TT.Data(y[0]), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void InitReweightingScalesLambdaAndGamma()
    {
        const int b = 7;
        torch.manual_seed(123);
        var plain = new EquivariantLinear(5, 4, setSize: b, reweight: false);
        torch.manual_seed(123);
        var rew = new EquivariantLinear(5, 4, setSize: b);
        TT.Close(plain.weight * (b / (b + 1.0)), rew.weight, 1e-7, 1e-6, "Lambda");
        TT.Close(plain.mix_weight * (1.0 / (b + 1.0)), rew.mix_weight, 1e-7, 1e-6, "Gamma");
        TT.Close(plain.bias!, rew.bias!, 0, 0, "bias untouched");
    }

    [Fact]
    public void DefaultInitIsTheLinearOneBoundedByOneOverSqrtFanIn()
    {
        var layer = new EquivariantLinear(16, 32);
        double bound = 1 / Math.Sqrt(16);
        foreach (var p in new[] { layer.weight, layer.mix_weight, layer.bias! })
            Assert.All(TT.Data(p), v => Assert.InRange(Math.Abs(v), 0, bound + 1e-7));
        Assert.True(TT.Data(layer.weight).Max() > 0.8 * bound, "weights should fill the init range");
    }

    [Fact]
    public void StateDictNamesAreStableAndRoundTrip()
    {
        var layer = new EquivariantLinear(3, 2);
        Assert.Equal(new[] { "bias", "mix_weight", "weight" }, layer.state_dict().Keys.OrderBy(s => s));
        Assert.Equal(new[] { "mix_weight", "weight" }, new EquivariantLinear(3, 2, hasBias: false).state_dict().Keys.OrderBy(s => s));
        var path = Path.GetTempFileName();
        try
        {
            layer.save(path);
            var copy = new EquivariantLinear(3, 2);
            copy.load(path);
            using var x = torch.randn(5, 3);
            TT.Close(layer.forward(x), copy.forward(x), 0, 0, "loaded copy");
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Float64AndToFollowParameters()
    {
        var layer = new EquivariantLinear(3, 2);
        layer.to(ScalarType.Float64);
        Assert.All(layer.parameters(), p => Assert.Equal(ScalarType.Float64, p.dtype));
        using var y = layer.forward(torch.randn(new long[] { 4, 3 }, dtype: ScalarType.Float64));
        Assert.Equal(ScalarType.Float64, y.dtype);
        layer.to(torch.CPU);
        Assert.All(layer.parameters(), p => Assert.Equal(DeviceType.CPU, p.device_type));
    }

    [Fact]
    public void BadArgumentsThrowNamingTheParameterAndShapes()
    {
        var layer = new EquivariantLinear(3, 2, numSets: 2);
        var e = Assert.Throws<ArgumentException>(() => layer.forward(torch.zeros(4, 5)));
        Assert.Equal("input", e.ParamName);
        Assert.Contains("[4, 5]", e.Message);
        Assert.Contains("3", e.Message);
        e = Assert.Throws<ArgumentException>(() => layer.forward(torch.zeros(5, 3)));
        Assert.Equal("numSets", e.ParamName);
        Assert.Contains("[5, 3]", e.Message);
        e = Assert.Throws<ArgumentException>(() => new EquivariantLinear(3, 2).forward(torch.zeros(4, 3), torch.ones(3, dtype: ScalarType.Bool)));
        Assert.Equal("mask", e.ParamName);
        Assert.Contains("[4]", e.Message);
        e = Assert.Throws<ArgumentException>(() => new EquivariantLinear(3, 2, dim: 1).forward(torch.zeros(4, 3)));
        Assert.Equal("dim", e.ParamName);
    }
}
