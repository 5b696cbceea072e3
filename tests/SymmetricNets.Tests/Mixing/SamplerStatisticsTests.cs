using SymmetricNets.Mixing;

namespace SymmetricNets.Tests.Mixing;

/// <summary>
/// Statistics of the mixed-batch sampler over 20,000 seeded sets drawn in one call (numSets = 20,000, B = 8 per set):
/// the law of k = #beta against the analytic law by a chi-square goodness-of-fit test at alpha = 0.001, and the
/// drawn ratios against the prior's CDF by a Kolmogorov-Smirnov test at alpha = 0.001.
/// </summary>
public class SamplerStatisticsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int Sets = 20_000;
    private const int SetSize = 8;

    // Chi-square critical values at alpha = 0.001 (standard tables): df = 8 (9 cells k = 0..8) and df = 1 (2 cells).
    private const double ChiSquareCritical001Df8 = 26.124;
    private const double ChiSquareCritical001Df1 = 10.828;

    public static TheoryData<string, ulong> Priors() => new()
    {
        { "uniform", 11 }, { "smoothing0", 12 }, { "smoothing0.3", 13 }, { "beta2_5", 14 }, { "arcsine", 15 },
    };

    [Theory]
    [MemberData(nameof(Priors))]
    public void CountsAndRatiosFollowThePrior(string name, ulong seed)
    {
        var (prior, kind, param) = RatioPriorTests.Make(name);
        var sampler = new MixedBatchSampler(prior, numSets: Sets);
        using var real = torch.ones(Sets * SetSize);
        using var fake = torch.zeros(Sets * SetSize);
        using var g = new Generator(seed);
        using var batch = sampler.Sample(real, fake, g);

        var mask = batch.Mask.data<bool>().ToArray();
        var mixed = batch.Mixed.data<float>().ToArray();
        var target = batch.Target.data<float>().ToArray();
        var counts = new long[SetSize + 1];
        for (int s = 0; s < Sets; s++)
        {
            int k = 0;
            for (int i = 0; i < SetSize; i++)
            {
                bool m = mask[s * SetSize + i];
                Assert.Equal(m ? 1f : 0f, mixed[s * SetSize + i]);
                k += m ? 1 : 0;
            }

            Assert.Equal(k / (float)SetSize, target[s]);
            counts[k]++;
        }

        // Analytic law of k, computed independently of the library.
        double[] expected = kind switch
        {
            PriorKind.Uniform => Enumerable.Repeat(1.0 / (SetSize + 1), SetSize + 1).ToArray(),
            PriorKind.Beta2_5 => Reference.BetaBinomialInt(2, 5, SetSize),
            _ => Reference.CountLawByIntegration(kind, param, SetSize),
        };
        double chi = Reference.ChiSquare(counts, expected, out int cells);
        double critical = cells == 2 ? ChiSquareCritical001Df1 : ChiSquareCritical001Df8;
        Assert.Equal(cells == 2 ? 2 : SetSize + 1, cells);
        output.WriteLine($"{name}: chi-square {chi:F3} (df {cells - 1}, critical {critical})");
        Assert.True(chi < critical, $"{name}: chi-square {chi:F3} with df {cells - 1} >= {critical}");

        var ratios = batch.Ratio.to_type(ScalarType.Float64).data<double>().ToArray();
        Assert.Equal(Sets, ratios.Length);
        if (kind == PriorKind.Smoothing && param == 0)
        {
            Assert.All(ratios, p => Assert.True(p == 0 || p == 1));
            return;
        }

        Func<double, double> cdf = kind switch
        {
            PriorKind.Uniform => p => p,
            PriorKind.Smoothing => p => p <= param ? p / (2 * param) : p < 1 - param ? 0.5 : 0.5 + (p - (1 - param)) / (2 * param),
            // Beta(2, 5): I_p(2, 5) = P(Binomial(6, p) >= 2).
            PriorKind.Beta2_5 => p => 1 - Math.Pow(1 - p, 6) - 6 * p * Math.Pow(1 - p, 5),
            PriorKind.Arcsine => p => 2 / Math.PI * Math.Asin(Math.Sqrt(p)),
            _ => throw new InvalidOperationException(),
        };
        double ks = Reference.KolmogorovSmirnov(ratios, cdf);
        output.WriteLine($"{name}: KS {ks:F5} (critical {Reference.KsCritical001(Sets):F5})");
        Assert.True(ks < Reference.KsCritical001(Sets), $"{name}: KS statistic {ks:F5} >= {Reference.KsCritical001(Sets):F5}");
    }

    [Fact]
    public void TinyBetaShapesGiveFiniteRatiosWithTheRightMean()
    {
        // Beta(0.05, 0.1): both Gamma draws underflow often in float32; p must stay finite with mean a / (a + b).
        var prior = new BetaRatioPrior(0.05, 0.1);
        using var g = new Generator(99);
        using var p = prior.Sample(Sets, generator: g);
        var v = p.to_type(ScalarType.Float64).data<double>().ToArray();
        Assert.All(v, x => Assert.True(x >= 0 && x <= 1));
        double mean = v.Average();
        // Var(p) = ab / ((a+b)^2 (a+b+1)); 5 standard errors.
        double a = 0.05, b = 0.1;
        double sd = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)) / Sets);
        Assert.True(Math.Abs(mean - prior.Mean) < 5 * sd, $"mean {mean} vs {prior.Mean} (se {sd})");
    }
}
