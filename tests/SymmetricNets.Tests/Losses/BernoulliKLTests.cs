using FsCheck;
using FsCheck.Xunit;
using SymmetricNets.Losses;
using SymmetricNets.Tests.Mixing;

namespace SymmetricNets.Tests.Losses;

/// <summary>Eq. (3) from logits against the direct formula, at the endpoints, for large logits, and its gradient.</summary>
public class BernoulliKLTests
{
    // Maps any finite double to (0, 1), away from the ends by 1e-6.
    private static double ToUnit(double x)
    {
        double f = double.IsFinite(x) ? x - Math.Floor(x) : 0.5;
        return Math.Clamp(f, 1e-6, 1 - 1e-6);
    }

    private static double Kl(double z, double u)
    {
        using var zt = torch.tensor(z, dtype: ScalarType.Float64);
        using var ut = torch.tensor(u, dtype: ScalarType.Float64);
        using var kl = LossFunctions.BernoulliKLWithLogits(zt, ut, nn.Reduction.None);
        return kl.item<double>();
    }

    [Property(MaxTest = 300)]
    public bool MatchesTheDirectFormulaOnTheOpenInterval(NormalFloat a, NormalFloat b)
    {
        double u = ToUnit(a.Get * 0.37);
        double v = ToUnit(b.Get * 0.61);
        double z = Math.Log(v / (1 - v));
        double expected = Reference.KlDirect(u, v);
        double got = Kl(z, u);
        return Math.Abs(got - expected) <= 1e-10 * Math.Max(1, Math.Abs(expected));
    }

    [Property(MaxTest = 200)]
    public bool IsZeroExactlyWhenThePredictionIsTheTarget(NormalFloat a, NormalFloat b)
    {
        double u = ToUnit(a.Get * 0.37);
        double v = ToUnit(b.Get * 0.61);
        double atTarget = Kl(Math.Log(u / (1 - u)), u);
        double elsewhere = Kl(Math.Log(v / (1 - v)), u);
        bool zeroAtTarget = Math.Abs(atTarget) < 1e-12;
        bool positiveElsewhere = Math.Abs(u - v) < 1e-3 || elsewhere > 0;
        return zeroAtTarget && positiveElsewhere;
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(-3.5)]
    [InlineData(0.0)]
    [InlineData(30.0)]
    public void EndpointsAreCrossEntropies(double z)
    {
        // u = 1: KL = -log sigmoid(z) = log(1 + e^-z); u = 0: KL = -log(1 - sigmoid(z)) = log(1 + e^z).
        Assert.Equal(Math.Log(1 + Math.Exp(-z)), Kl(z, 1.0), 14);
        Assert.Equal(Math.Log(1 + Math.Exp(z)), Kl(z, 0.0), 12);
    }

    [Fact]
    public void LargeLogitsStayFiniteInFloat32()
    {
        using var z = torch.tensor(new float[] { 100, -100, 100, -100, 100, -100 });
        using var u = torch.tensor(new float[] { 0, 1, 1, 0, 0.3f, 0.3f });
        using var kl = LossFunctions.BernoulliKLWithLogits(z, u, nn.Reduction.None);
        var v = kl.data<float>().ToArray();
        Assert.All(v, x => Assert.True(float.IsFinite(x)));
        double h = 0.3 * Math.Log(0.3) + 0.7 * Math.Log(0.7);
        var expected = new[] { 100.0, 100.0, 0.0, 0.0, 70 + h, 30 + h };
        for (int i = 0; i < 6; i++)
        {
            Assert.True(Math.Abs(v[i] - expected[i]) < 1e-4, $"{i}: {v[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void GradientIsSigmoidMinusTarget()
    {
        var zs = new[] { -40.0, -3.0, -0.5, 0.0, 0.0, 0.7, 2.0, 40.0, 1e-3 };
        var us = new[] { 0.0, 1.0, 0.25, 0.0, 1.0, 0.5, 0.9, 1.0, 0.0 };
        using var z = torch.tensor(zs, dtype: ScalarType.Float64).requires_grad_();
        using var u = torch.tensor(us, dtype: ScalarType.Float64);
        using var kl = LossFunctions.BernoulliKLWithLogits(z, u, nn.Reduction.Sum);
        kl.backward();
        var grad = z.grad!.data<double>().ToArray();
        for (int i = 0; i < zs.Length; i++)
        {
            Assert.Equal(Reference.Sigmoid(zs[i]) - us[i], grad[i], 14);
        }
    }

    [Fact]
    public void ReductionsAndModuleAgree()
    {
        using var z = torch.tensor(new[] { 0.3, -1.2, 2.5 }, dtype: ScalarType.Float64);
        using var u = torch.tensor(new[] { 0.0, 0.5, 1.0 }, dtype: ScalarType.Float64);
        double[] each = { Reference.KlDirect(0, Reference.Sigmoid(0.3)), Reference.KlDirect(0.5, Reference.Sigmoid(-1.2)), Reference.KlDirect(1, Reference.Sigmoid(2.5)) };
        using var none = sym.functional.bernoulli_kl_with_logits(z, u, nn.Reduction.None);
        using var mean = sym.BernoulliKLLoss().call(z, u);
        using var sum = sym.BernoulliKLLoss(nn.Reduction.Sum).call(z, u);
        Assert.Equal(each, none.data<double>().ToArray(), (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(each.Average(), mean.item<double>(), 12);
        Assert.Equal(each.Sum(), sum.item<double>(), 12);
    }

    [Fact]
    public void MismatchedShapesAreRejected()
    {
        using var z = torch.zeros(3);
        using var u = torch.zeros(4);
        var ex = Assert.Throws<ArgumentException>(() => LossFunctions.BernoulliKLWithLogits(z, u));
        Assert.Equal("target", ex.ParamName);
        Assert.Contains("[3]", ex.Message);
        Assert.Contains("[4]", ex.Message);
        using var zi = torch.zeros([3], dtype: ScalarType.Int64);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LossFunctions.BernoulliKLWithLogits(zi, zi)).ParamName);
    }
}
