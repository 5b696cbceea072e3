namespace SymmetricNets.Tests.Mixing;

/// <summary>
/// Independent reference computations for the tests (plain double arithmetic, no library code): binomial
/// coefficients by products, Simpson integration, prior densities written from their definitions, test statistics.
/// </summary>
internal static class Reference
{
    /// <summary>C(n, k) as a double, by the product formula.</summary>
    public static double Choose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0.0;
        }

        double c = 1.0;
        for (int i = 1; i <= k; i++)
        {
            c = c * (n - k + i) / i;
        }

        return c;
    }

    /// <summary>(n - 1)! for integer n &gt;= 1, i.e. Gamma(n).</summary>
    public static double GammaInt(int n)
    {
        double f = 1.0;
        for (int i = 2; i < n; i++)
        {
            f *= i;
        }

        return f;
    }

    /// <summary>Beta function for positive integer arguments.</summary>
    public static double BetaInt(int a, int b) => GammaInt(a) * GammaInt(b) / GammaInt(a + b);

    /// <summary>Composite Simpson rule with <paramref name="intervals"/> (even) sub-intervals.</summary>
    public static double Simpson(Func<double, double> f, double lo, double hi, int intervals = 4000)
    {
        if (hi <= lo)
        {
            return 0.0;
        }

        double h = (hi - lo) / intervals;
        double s = f(lo) + f(hi);
        for (int i = 1; i < intervals; i++)
        {
            s += f(lo + i * h) * (i % 2 == 1 ? 4 : 2);
        }

        return s * h / 3.0;
    }

    /// <summary>
    /// <c>E_P[g(p)]</c> for the priors used in the tests, each integrated from its own density:
    /// uniform (density 1), smoothing-gamma (density 1/(2 gamma) on the two intervals, point masses for gamma = 0),
    /// Beta(a, b) with integer a, b (density p^(a-1)(1-p)^(b-1)/B(a,b)), arcsine Beta(1/2, 1/2) (p = sin^2 theta).
    /// </summary>
    public static double PriorExpectation(PriorKind kind, double param, Func<double, double> g)
    {
        switch (kind)
        {
            case PriorKind.Uniform:
                return Simpson(g, 0, 1);
            case PriorKind.Smoothing:
                if (param == 0)
                {
                    return 0.5 * g(0) + 0.5 * g(1);
                }

                return (Simpson(g, 0, param) + Simpson(g, 1 - param, 1)) / (2 * param);
            case PriorKind.Beta2_5:
                {
                    double norm = BetaInt(2, 5);
                    return Simpson(p => g(p) * p * Math.Pow(1 - p, 4) / norm, 0, 1);
                }

            case PriorKind.Arcsine:
                // p = sin^2(theta), theta uniform on [0, pi/2]: density 1 / (pi sqrt(p (1 - p))).
                return Simpson(t => g(Math.Pow(Math.Sin(t), 2)) * 2 / Math.PI, 0, Math.PI / 2);
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>P(#beta = k), k = 0..B, by integrating the binomial against the prior.</summary>
    public static double[] CountLawByIntegration(PriorKind kind, double param, int b)
    {
        var w = new double[b + 1];
        for (int k = 0; k <= b; k++)
        {
            int kk = k;
            w[k] = PriorExpectation(kind, param, p => Choose(b, kk) * Math.Pow(p, kk) * Math.Pow(1 - p, b - kk));
        }

        return w;
    }

    /// <summary>Beta-binomial law for integer a, b (factorials), eq. (40) written directly.</summary>
    public static double[] BetaBinomialInt(int a, int bb, int n)
    {
        var w = new double[n + 1];
        for (int k = 0; k <= n; k++)
        {
            w[k] = Choose(n, k) * BetaInt(k + a, n - k + bb) / BetaInt(a, bb);
        }

        return w;
    }

    /// <summary>Pearson chi-square statistic of observed counts against expected probabilities (cells with zero probability must be empty).</summary>
    public static double ChiSquare(long[] observed, double[] probabilities, out int cells)
    {
        long total = observed.Sum();
        double chi = 0;
        cells = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            double e = probabilities[i] * total;
            if (probabilities[i] == 0)
            {
                Assert.Equal(0, observed[i]);
                continue;
            }

            Assert.True(e >= 5, $"expected count {e} of cell {i} too small for the chi-square test");
            cells++;
            chi += (observed[i] - e) * (observed[i] - e) / e;
        }

        return chi;
    }

    /// <summary>Kolmogorov-Smirnov statistic sup |F_n - F|.</summary>
    public static double KolmogorovSmirnov(double[] sample, Func<double, double> cdf)
    {
        var s = (double[])sample.Clone();
        Array.Sort(s);
        int n = s.Length;
        double d = 0;
        for (int i = 0; i < n; i++)
        {
            double f = cdf(s[i]);
            d = Math.Max(d, Math.Max((i + 1.0) / n - f, f - (double)i / n));
        }

        return d;
    }

    /// <summary>Asymptotic KS critical value at alpha = 0.001: sqrt(-ln(alpha / 2) / 2) / sqrt(n) = 1.9495 / sqrt(n).</summary>
    public static double KsCritical001(int n) => Math.Sqrt(-Math.Log(0.001 / 2) / 2) / Math.Sqrt(n);

    /// <summary>1 / (1 + exp(-z)).</summary>
    public static double Sigmoid(double z) => z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));

    /// <summary>Eq. (3) written directly: u log(u/v) + (1-u) log((1-u)/(1-v)), with 0 log 0 = 0.</summary>
    public static double KlDirect(double u, double v)
    {
        double a = u == 0 ? 0 : u * Math.Log(u / v);
        double b = u == 1 ? 0 : (1 - u) * Math.Log((1 - u) / (1 - v));
        return a + b;
    }
}

/// <summary>Priors with a reference density in <see cref="Reference"/>.</summary>
internal enum PriorKind
{
    Uniform,
    Smoothing,
    Beta2_5,
    Arcsine,
}
