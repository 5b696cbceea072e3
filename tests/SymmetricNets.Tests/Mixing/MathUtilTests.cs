using SymmetricNets.Mixing;

namespace SymmetricNets.Tests.Mixing;

/// <summary>The internal log-gamma against known values (CPython's math.lgamma, factorials, Gamma(1/2) = sqrt(pi)).</summary>
public class MathUtilTests
{
    [Theory]
    [InlineData(0.5, 0.5723649429247001)] // log sqrt(pi)
    [InlineData(1e-3, 6.907178885383854)] // math.lgamma(1e-3)
    [InlineData(3.7, 1.4280723266653883)] // math.lgamma(3.7)
    [InlineData(100.5, 361.4355404677776)] // math.lgamma(100.5)
    [InlineData(1e6, 12815504.569147611)] // math.lgamma(1e6)
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    public void LogGammaMatchesKnownValues(double x, double expected)
    {
        double got = MathUtil.LogGamma(x);
        Assert.True(Math.Abs(got - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected)), $"lgamma({x}) = {got}, expected {expected}");
    }

    [Fact]
    public void LogGammaOfIntegersIsLogFactorial()
    {
        double logFact = 0;
        for (int n = 1; n <= 170; n++)
        {
            // lgamma(n + 1) = log n!, accumulated exactly as a sum of logs.
            logFact += Math.Log(n);
            double got = MathUtil.LogGamma(n + 1.0);
            Assert.True(Math.Abs(got - logFact) <= 1e-13 * Math.Max(1, logFact), $"lgamma({n + 1}) = {got}, expected {logFact}");
        }
    }

    [Fact]
    public void LogChooseMatchesProducts()
    {
        foreach (int n in new[] { 1, 5, 30, 60 })
        {
            for (int k = 0; k <= n; k++)
            {
                double expected = Math.Log(Reference.Choose(n, k));
                Assert.True(Math.Abs(MathUtil.LogChoose(n, k) - expected) <= 1e-12 * Math.Max(1, expected));
            }
        }
    }
}
