using SymmetricNets.Mixing;

namespace SymmetricNets.Tests.Mixing;

/// <summary>Induced count laws P(#beta = k) against numeric integration of the binomial against each prior density.</summary>
public class RatioPriorTests
{
    public static TheoryData<string, int> Cases() => new()
    {
        { "uniform", 1 }, { "uniform", 8 }, { "uniform", 25 },
        { "smoothing0", 1 }, { "smoothing0", 8 },
        { "smoothing0.05", 8 }, { "smoothing0.3", 8 }, { "smoothing0.3", 25 }, { "smoothing0.5", 8 },
        { "beta2_5", 1 }, { "beta2_5", 8 }, { "beta2_5", 25 },
        { "arcsine", 8 }, { "arcsine", 25 },
    };

    internal static (RatioPrior Prior, PriorKind Kind, double Param) Make(string name) => name switch
    {
        "uniform" => (new UniformRatioPrior(), PriorKind.Uniform, 0),
        "beta2_5" => (new BetaRatioPrior(2, 5), PriorKind.Beta2_5, 0),
        "arcsine" => (new BetaRatioPrior(0.5, 0.5), PriorKind.Arcsine, 0),
        _ when name.StartsWith("smoothing", StringComparison.Ordinal) =>
            (new BatchSmoothingPrior(double.Parse(name["smoothing".Length..], System.Globalization.CultureInfo.InvariantCulture)),
             PriorKind.Smoothing, double.Parse(name["smoothing".Length..], System.Globalization.CultureInfo.InvariantCulture)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CountWeightsMatchNumericIntegration(string name, int b)
    {
        var (prior, kind, param) = Make(name);
        var got = prior.CountWeights(b);
        var expected = Reference.CountLawByIntegration(kind, param, b);
        Assert.Equal(b + 1, got.Length);
        Assert.True(Math.Abs(got.Sum() - 1) < 1e-12);
        for (int k = 0; k <= b; k++)
        {
            Assert.True(Math.Abs(got[k] - expected[k]) < 1e-9, $"{name}, B = {b}, k = {k}: {got[k]} vs {expected[k]}");
        }
    }

    [Fact]
    public void BetaCountWeightsAreTheBetaBinomial()
    {
        var got = new BetaRatioPrior(2, 5).CountWeights(12);
        var expected = Reference.BetaBinomialInt(2, 5, 12);
        for (int k = 0; k <= 12; k++)
        {
            Assert.True(Math.Abs(got[k] - expected[k]) < 1e-14);
        }
    }

    [Fact]
    public void SpecialCasesAreUniformOrPure()
    {
        var uniform = new UniformRatioPrior().CountWeights(10);
        Assert.All(uniform, w => Assert.Equal(1.0 / 11, w, 15));
        var half = new BatchSmoothingPrior(0.5).CountWeights(10);
        var beta11 = new BetaRatioPrior(1, 1).CountWeights(10);
        for (int k = 0; k <= 10; k++)
        {
            Assert.Equal(1.0 / 11, half[k], 13);
            Assert.Equal(1.0 / 11, beta11[k], 13);
        }

        var pure = new BatchSmoothingPrior(0).CountWeights(10);
        Assert.Equal(0.5, pure[0]);
        Assert.Equal(0.5, pure[10]);
        Assert.All(pure[1..10], w => Assert.Equal(0.0, w));
    }

    [Fact]
    public void MeansAreThePriorMeans()
    {
        Assert.Equal(0.5, new UniformRatioPrior().Mean);
        Assert.Equal(0.5, new BatchSmoothingPrior(0.2).Mean);
        Assert.Equal(2.0 / 7, new BetaRatioPrior(2, 5).Mean, 15);
    }

    [Fact]
    public void LargeSetsStayNormalised()
    {
        foreach (var prior in new RatioPrior[] { new UniformRatioPrior(), new BatchSmoothingPrior(0.01), new BatchSmoothingPrior(0.3), new BetaRatioPrior(2, 5), new BetaRatioPrior(0.5, 0.5) })
        {
            var log = prior.LogCountWeights(4096);
            Assert.All(log, l => Assert.False(double.IsNaN(l) || double.IsPositiveInfinity(l)));
            var w = prior.CountWeights(4096);
            Assert.True(Math.Abs(w.Sum() - 1) < 1e-10, prior.ToString());
            double mean = 0;
            for (int k = 0; k <= 4096; k++)
            {
                mean += w[k] * k / 4096.0;
            }

            Assert.True(Math.Abs(mean - prior.Mean) < 1e-9, $"{prior}: mean of k/B {mean} vs prior mean {prior.Mean}");
        }
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.51)]
    [InlineData(double.NaN)]
    public void SmoothingRejectsGammaOutsideRange(double gamma)
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchSmoothingPrior(gamma));
        Assert.Equal("gamma", ex.ParamName);
    }

    [Fact]
    public void ArgumentChecks()
    {
        Assert.Equal("a", Assert.Throws<ArgumentException>(() => new BetaRatioPrior(0, 1)).ParamName);
        Assert.Equal("b", Assert.Throws<ArgumentException>(() => new BetaRatioPrior(1, double.PositiveInfinity)).ParamName);
        Assert.Equal("setSize", Assert.Throws<ArgumentException>(() => new UniformRatioPrior().CountWeights(0)).ParamName);
        Assert.Equal("count", Assert.Throws<ArgumentException>(() => new UniformRatioPrior().Sample(-1)).ParamName);
        Assert.Equal("dtype", Assert.Throws<ArgumentException>(() => new UniformRatioPrior().Sample(3, dtype: ScalarType.Int64)).ParamName);
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("smoothing0")]
    [InlineData("smoothing0.2")]
    [InlineData("beta2_5")]
    [InlineData("tinybeta")]
    public void SamplesLieInUnitIntervalWithRequestedTypeAndShape(string name)
    {
        RatioPrior prior = name == "tinybeta" ? new BetaRatioPrior(0.02, 0.03) : Make(name).Prior;
        using var g = new Generator(7);
        foreach (var dtype in new[] { ScalarType.Float32, ScalarType.Float64, ScalarType.BFloat16 })
        {
            using var p = prior.Sample(5000, generator: g, dtype: dtype);
            Assert.Equal(dtype, p.dtype);
            Assert.Equal(new long[] { 5000 }, p.shape);
            using var p64 = p.to_type(ScalarType.Float64);
            var v = p64.data<double>().ToArray();
            Assert.All(v, x => Assert.True(x >= 0 && x <= 1, $"{prior}: {x}"));
        }
    }
}
