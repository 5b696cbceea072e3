using FsCheck.Xunit;
using SymmetricNets.Reductions;
using SymmetricNets.Tests.Support;

namespace SymmetricNets.Tests.Reductions;

public class SetReductionTests
{
    private const double Eps = 1e-8;

    /// <summary>Each reduction computed by hand on a list of values.</summary>
    private static readonly (string name, Func<int, long, SetReduction> make, Func<double[], double> reference)[] All =
    {
        ("mean", (d, k) => new SetMean(d, false, k), v => v.Length == 0 ? 0 : v.Sum() / v.Length),
        ("sum", (d, k) => new SetSum(d, false, k), v => v.Sum()),
        ("max", (d, k) => new SetMax(d, false, k), v => v.Length == 0 ? 0 : v.Max()),
        ("min", (d, k) => new SetMin(d, false, k), v => v.Length == 0 ? 0 : v.Min()),
        ("var", (d, k) => new SetVar(d, false, k), Var),
        ("std", (d, k) => new SetStd(d, false, k, Eps), v => Math.Sqrt(Var(v) + Eps)),
    };

    private static double Var(double[] v)
    {
        if (v.Length == 0) return 0;
        double m = v.Sum() / v.Length;
        return v.Sum(x => (x - m) * (x - m)) / v.Length;
    }

    [Property(MaxTest = 200)]
    public void MatchHandComputedValuesWithAndWithoutMask(int seed)
    {
        var r = new Random(seed);
        int n = r.Next(1, 65), f = r.Next(1, 5);
        var data = TT.Uniform(r, n * f, -3, 3);
        var present = Enumerable.Range(0, n).Select(_ => r.Next(4) > 0).ToArray();
        using var x = torch.tensor(data).reshape(n, f);
        using var mask = TT.Mask(present, new long[] { n });
        foreach (var (name, make, reference) in All)
        {
            var red = make(0, 1);
            var full = TT.Data(red.forward(x));
            var masked = TT.Data(red.forward(x, mask));
            for (int j = 0; j < f; j++)
            {
                var col = Enumerable.Range(0, n).Select(i => data[i * f + j]).ToArray();
                var colPresent = Enumerable.Range(0, n).Where(i => present[i]).Select(i => data[i * f + j]).ToArray();
                Assert.True(Math.Abs(reference(col) - full[j]) < 1e-9, $"{name} feature {j}: {reference(col)} vs {full[j]}");
                Assert.True(Math.Abs(reference(colPresent) - masked[j]) < 1e-9, $"{name} masked feature {j}: {reference(colPresent)} vs {masked[j]}");
            }
        }
    }

    [Property(MaxTest = 200)]
    public void AreInvariantToPermutations(int seed)
    {
        var r = new Random(seed);
        foreach (var dt in new[] { ScalarType.Float64, ScalarType.Float32 })
        {
            int n = r.Next(1, 65), g = r.Next(1, 4);
            using var x = TT.Rand(r, new long[] { g, n, 3 }, dt, -2, 2);
            var perm = TT.Permutation(r, n);
            using var px = TT.Permute(x, perm, 1);
            foreach (var (name, make, _) in All)
            {
                var red = make(1, 1);
                TT.Close(red.forward(x), red.forward(px), dt, $"{name} {dt}");
            }
            var multi = new SetMultiReduce(new SetReduction[] { new SetMean(1), new SetStd(1), new SetMax(1) });
            TT.Close(multi.forward(x), multi.forward(px), dt, "multi");
        }
    }

    [Property(MaxTest = 200)]
    public void KSetsGiveOneResultPerSetEqualToSeparateRuns(int seed)
    {
        var r = new Random(seed);
        int k = r.Next(1, 6), m = r.Next(1, 13);
        using var x = TT.Rand(r, new long[] { k * m, 2 });
        foreach (var (name, make, _) in All)
        {
            var single = make(0, 1);
            var split = make(0, k);
            using var all = split.forward(x);
            Assert.Equal(k == 1 ? new long[] { 2 } : new long[] { k, 2 }, all.shape);
            for (int j = 0; j < k; j++)
                TT.Close(single.forward(x.narrow(0, j * m, m)), k == 1 ? all : all[j], ScalarType.Float64, $"{name} set {j}");
        }
    }

    [Fact]
    public void KeepDimAndSetAxisShapes()
    {
        using var x = torch.randn(2, 6, 3);
        Assert.Equal(new long[] { 2, 3 }, new SetMean(1).forward(x).shape);
        Assert.Equal(new long[] { 2, 1, 3 }, new SetMean(1, keepdim: true).forward(x).shape);
        Assert.Equal(new long[] { 2, 3, 3 }, new SetMean(1, numSets: 3).forward(x).shape);
        Assert.Equal(new long[] { 6, 3 }, new SetMean(0).forward(x).shape);
        Assert.Equal(new long[] { 2, 9 }, new SetMultiReduce(new SetReduction[] { new SetMean(1), new SetVar(1), new SetMin(1) }).forward(x).shape);
        Assert.Equal(new long[] { 2, 3 }, sym.functional.set_std(x, dim: -2).shape);
    }

    [Fact]
    public void ZeroVarianceSingleElementAndEmptySetHaveFiniteGradients()
    {
        foreach (var (name, make, _) in All)
        {
            var red = make(1, 1);
            // set 0: constant values (zero variance); set 1: a single present element; set 2: empty.
            var x = torch.tensor(new double[] { 2, 2, 2, 5, -1, 7, 1, 2, 3 }).reshape(3, 3, 1).requires_grad_(true);
            var mask = torch.tensor(new[] { true, true, true, false, true, false, false, false, false }).reshape(3, 3);
            var y = red.forward(x, mask);
            y.sum().backward();
            TT.Finite(y, name);
            TT.Finite(x.grad!, name + " grad");
            var v = TT.Data(y);
            var expectedEmpty = name == "std" ? Math.Sqrt(Eps) : 0.0;
            Assert.True(Math.Abs(v[2] - expectedEmpty) < 1e-12, $"{name}: empty set gives {v[2]}, documented {expectedEmpty}");
            if (name == "std")
            {
                Assert.True(Math.Abs(v[0] - Math.Sqrt(Eps)) < 1e-12);
                Assert.All(TT.Data(x.grad!), g => Assert.Equal(0.0, g, 12));   // symmetric zero-variance: exact zero gradient
            }
        }
    }

    [Fact]
    public void TwoPassVarianceSurvivesALargeMean()
    {
        // float32, values 1e4 + {0, 1, 2, 3}: a one-pass E[x^2] - E[x]^2 loses everything to cancellation.
        using var x = torch.tensor(new float[] { 10000f, 10001f, 10002f, 10003f }).reshape(4, 1);
        Assert.Equal(1.25, TT.Data(new SetVar().forward(x))[0], 3);
    }
}
