using SymmetricNets.Mixing;
using SymmetricNets.Optimal;
using SymmetricNets.Tests.Mixing;

namespace SymmetricNets.Tests.Optimal;

/// <summary>The exact optimal discriminator (eq. (45)) against closed forms and a brute-force sum over all 2^B masks.</summary>
public class OptimalDiscriminatorTests
{
    public static TheoryData<string> PriorNames() => new() { "uniform", "beta2_5", "smoothing0.3", "smoothing0", "arcsine" };

    /// <summary>Per-mask prior P(beta) for a mask with k ones among B, written from eq. (41) / its integral definition.</summary>
    private static double MaskPrior(string name, int k, int b)
    {
        switch (name)
        {
            case "uniform":
                return Reference.BetaInt(k + 1, b - k + 1) / Reference.BetaInt(1, 1); // eq. (41), a = b = 1
            case "beta2_5":
                return Reference.BetaInt(k + 2, b - k + 5) / Reference.BetaInt(2, 5); // eq. (41)
            default:
                var (_, kind, param) = RatioPriorTests.Make(name);
                // P(beta) = E_p[p^k (1 - p)^(B - k)] (eq. (38) integrated against the prior).
                return Reference.PriorExpectation(kind, param, p => Math.Pow(p, k) * Math.Pow(1 - p, b - k));
        }
    }

    /// <summary>D* by enumerating the 2^B masks, eq. (46) with eq. (53), and the posterior on k.</summary>
    private static (double D, double[] Posterior) BruteForce(string name, double[] logP1, double[] logP2)
    {
        int b = logP1.Length;
        var maskPrior = Enumerable.Range(0, b + 1).Select(k => MaskPrior(name, k, b)).ToArray();
        double num = 0, den = 0;
        var post = new double[b + 1];
        for (int mask = 0; mask < 1 << b; mask++)
        {
            int k = 0;
            double like = 1;
            for (int i = 0; i < b; i++)
            {
                bool real = (mask >> i & 1) == 1;
                k += real ? 1 : 0;
                like *= Math.Exp(real ? logP1[i] : logP2[i]);
            }

            double w = maskPrior[k] * like;
            num += w * k / b;
            den += w;
            post[k] += w;
        }

        return (num / den, post.Select(x => x / den).ToArray());
    }

    private static double[] Row(Tensor t, int row) => t[row].data<double>().ToArray();

    [Theory]
    [MemberData(nameof(PriorNames))]
    public void MatchesBruteForceOverAllMasks(string name)
    {
        var prior = RatioPriorTests.Make(name).Prior;
        var od = new OptimalDiscriminator(prior);
        var rng = new Random(name.Length * 7919);
        foreach (int b in new[] { 1, 2, 3, 6, 10 })
        {
            const int m = 3;
            var lp1 = new double[m, b];
            var lp2 = new double[m, b];
            for (int r = 0; r < m; r++)
            {
                for (int i = 0; i < b; i++)
                {
                    lp1[r, i] = rng.NextDouble() * 4 - 3;
                    lp2[r, i] = rng.NextDouble() * 4 - 3;
                }
            }

            using var t1 = torch.tensor(lp1, dtype: ScalarType.Float64);
            using var t2 = torch.tensor(lp2, dtype: ScalarType.Float64);
            using var d = od.Evaluate(t1, t2);
            using var post = od.CountPosterior(t1, t2);
            Assert.Equal(new long[] { m }, d.shape);
            Assert.Equal(new long[] { m, b + 1 }, post.shape);
            var dv = d.data<double>().ToArray();
            for (int r = 0; r < m; r++)
            {
                var a1 = Enumerable.Range(0, b).Select(i => lp1[r, i]).ToArray();
                var a2 = Enumerable.Range(0, b).Select(i => lp2[r, i]).ToArray();
                var (expected, expectedPost) = BruteForce(name, a1, a2);
                Assert.True(Math.Abs(dv[r] - expected) < 1e-10, $"{name}, B = {b}, row {r}: {dv[r]} vs {expected}");
                var pr = Row(post, r);
                for (int k = 0; k <= b; k++)
                {
                    Assert.True(Math.Abs(pr[k] - expectedPost[k]) < 1e-10, $"{name}, B = {b}, k = {k}: {pr[k]} vs {expectedPost[k]}");
                }
            }
        }
    }

    [Theory]
    [InlineData(0.3, 0.9)]
    [InlineData(2.0, 0.01)]
    [InlineData(1e-5, 3.0)]
    public void SingleElementIsTheClassicalOptimum(double p1, double p2)
    {
        foreach (var prior in new RatioPrior[] { new UniformRatioPrior(), new BatchSmoothingPrior(0.2), new BatchSmoothingPrior(0) })
        {
            using var l1 = torch.tensor(new[] { Math.Log(p1) }, dtype: ScalarType.Float64);
            using var l2 = torch.tensor(new[] { Math.Log(p2) }, dtype: ScalarType.Float64);
            using var d = sym.OptimalDiscriminator(prior).Evaluate(l1, l2);
            Assert.Empty(d.shape);
            Assert.Equal(p1 / (p1 + p2), d.item<double>(), 13);
        }
    }

    [Theory]
    [MemberData(nameof(PriorNames))]
    public void EqualDensitiesGiveThePriorMean(string name)
    {
        var prior = RatioPriorTests.Make(name).Prior;
        double expectedMean = name switch { "beta2_5" => 2.0 / 7, "arcsine" => 0.5, _ => 0.5 };
        foreach (int b in new[] { 1, 7, 64 })
        {
            using var l = torch.linspace(-3, 1, b, dtype: ScalarType.Float64);
            using var d = new OptimalDiscriminator(prior).Evaluate(l, l);
            Assert.Equal(expectedMean, d.item<double>(), 11);
        }
    }

    [Fact]
    public void PermutationInvariant()
    {
        var rng = new Random(5);
        var lp1 = Enumerable.Range(0, 9).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
        var lp2 = Enumerable.Range(0, 9).Select(_ => rng.NextDouble() * 6 - 3).ToArray();
        var od = new OptimalDiscriminator(new BetaRatioPrior(2, 5));
        using var a1 = torch.tensor(lp1, dtype: ScalarType.Float64);
        using var a2 = torch.tensor(lp2, dtype: ScalarType.Float64);
        using var d0 = od.Evaluate(a1, a2);
        for (int trial = 0; trial < 5; trial++)
        {
            var perm = Enumerable.Range(0, 9).ToArray();
            rng.Shuffle(perm);
            using var p1 = torch.tensor(perm.Select(i => lp1[i]).ToArray(), dtype: ScalarType.Float64);
            using var p2 = torch.tensor(perm.Select(i => lp2[i]).ToArray(), dtype: ScalarType.Float64);
            using var d = od.Evaluate(p1, p2);
            Assert.Equal(d0.item<double>(), d.item<double>(), 13);
        }
    }

    [Fact]
    public void LargeBatchesStayFiniteAndInRange()
    {
        const int b = 1024;
        using var g = new Generator(17);
        using var l1 = torch.randn([2, b], dtype: ScalarType.Float64, generator: g) * 5;
        using var l2 = torch.randn([2, b], dtype: ScalarType.Float64, generator: g) * 5;
        // Row 2: every element strongly real (r_i = e^40); row 3: p1 = p2 (C(1024, 512) ~ 1e307 in linear space).
        using var strong = torch.full([1, b], 40.0, dtype: ScalarType.Float64);
        using var zero = torch.zeros([1, b], dtype: ScalarType.Float64);
        using var lp1 = torch.cat([l1, strong, zero], 0);
        using var lp2 = torch.cat([l2, zero, zero], 0);
        foreach (var prior in new RatioPrior[] { new UniformRatioPrior(), new BetaRatioPrior(2, 5), new BatchSmoothingPrior(0.3) })
        {
            using var d = new OptimalDiscriminator(prior).Evaluate(lp1, lp2);
            var v = d.data<double>().ToArray();
            Assert.All(v, x => Assert.True(double.IsFinite(x) && x >= 0 && x <= 1, $"{prior}: {x}"));
            Assert.True(v[2] > 0.999, $"{prior}: all-real batch gives {v[2]}");
            Assert.Equal(prior.Mean, v[3], 9);
        }

        // Float32 input is accepted and computed in float64.
        using var f1 = lp1.to_type(ScalarType.Float32);
        using var f2 = lp2.to_type(ScalarType.Float32);
        using var df = sym.functional.optimal_discriminator(f1, f2, new UniformRatioPrior());
        Assert.Equal(ScalarType.Float64, df.dtype);
        Assert.All(df.data<double>().ToArray(), x => Assert.True(double.IsFinite(x) && x >= 0 && x <= 1));
    }

    [Fact]
    public void ElementarySymmetricPolynomialsOfSmallVectors()
    {
        // r = (1, 2, 3): e = (1, 6, 11, 6).
        using var r = torch.tensor(new[] { 0.0, Math.Log(2), Math.Log(3) }, dtype: ScalarType.Float64);
        using var e = OptimalDiscriminator.LogElementarySymmetric(r).exp();
        Assert.Equal(new[] { 1.0, 6, 11, 6 }, e.data<double>().ToArray(), (x, y) => Math.Abs(x - y) < 1e-12);
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        var od = new OptimalDiscriminator(new UniformRatioPrior());
        using var a = torch.zeros(3, dtype: ScalarType.Float64);
        using var b = torch.zeros(4, dtype: ScalarType.Float64);
        var ex = Assert.Throws<ArgumentException>(() => od.Evaluate(a, b));
        Assert.Equal("logP2", ex.ParamName);
        Assert.Contains("[3]", ex.Message);
        Assert.Contains("[4]", ex.Message);
        using var c = torch.zeros([2, 2, 2], dtype: ScalarType.Float64);
        Assert.Equal("logP1", Assert.Throws<ArgumentException>(() => od.Evaluate(c, c)).ParamName);
    }
}
