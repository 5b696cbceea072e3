namespace SymmetricNets.Mixing;

/// <summary>Double-precision special functions used by the ratio priors and the optimal discriminator.</summary>
internal static class MathUtil
{
    // Lanczos approximation, g = 7, n = 9 (Godfrey's coefficients); relative error of Gamma about 1e-15.
    private const double LanczosG = 7.0;

    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);

    /// <summary>log |Gamma(x)| for x &gt; 0 (reflection for 0 &lt; x &lt; 0.5). Positive infinity at 0.</summary>
    internal static double LogGamma(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma is defined here for x >= 0 only.");
        }

        if (x == 0)
        {
            return double.PositiveInfinity;
        }

        if (x == 1.0 || x == 2.0)
        {
            return 0.0;
        }

        if (x < 0.5)
        {
            // Reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1.0 - x);
        }

        if (x >= 20.0)
        {
            // Stirling series: more accurate than Lanczos for large arguments.
            double inv = 1.0 / x;
            double inv2 = inv * inv;
            double series = inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 * (1.0 / 1680.0 - inv2 / 1188.0))));
            return (x - 0.5) * Math.Log(x) - x + HalfLogTwoPi + series;
        }

        double z = x - 1.0;
        double a = LanczosCoefficients[0];
        double t = z + LanczosG + 0.5;
        for (int i = 1; i < LanczosCoefficients.Length; i++)
        {
            a += LanczosCoefficients[i] / (z + i);
        }

        return HalfLogTwoPi + (z + 0.5) * Math.Log(t) - t + Math.Log(a);
    }

    /// <summary>log B(a, b) = lgamma(a) + lgamma(b) - lgamma(a + b).</summary>
    internal static double LogBeta(double a, double b) => LogGamma(a) + LogGamma(b) - LogGamma(a + b);

    /// <summary>log C(n, k) for 0 &lt;= k &lt;= n.</summary>
    internal static double LogChoose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return double.NegativeInfinity;
        }

        if (k == 0 || k == n)
        {
            return 0.0;
        }

        return LogGamma(n + 1.0) - LogGamma(k + 1.0) - LogGamma(n - k + 1.0);
    }

    /// <summary>log(exp(a) + exp(b)) without overflow; -inf + -inf = -inf.</summary>
    internal static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b))
        {
            return a;
        }

        double m = Math.Max(a, b);
        return m + Math.Log(1.0 + Math.Exp(-Math.Abs(a - b)));
    }

    /// <summary>log(sum exp(values)) without overflow; all -inf gives -inf.</summary>
    internal static double LogSumExp(ReadOnlySpan<double> values)
    {
        double m = double.NegativeInfinity;
        foreach (double v in values)
        {
            m = Math.Max(m, v);
        }

        if (double.IsNegativeInfinity(m))
        {
            return m;
        }

        double s = 0.0;
        foreach (double v in values)
        {
            s += Math.Exp(v - m);
        }

        return m + Math.Log(s);
    }

    /// <summary>Shifts <paramref name="logWeights"/> so that their exponentials sum to one (in place).</summary>
    internal static void NormalizeLog(double[] logWeights)
    {
        double z = LogSumExp(logWeights);
        for (int i = 0; i < logWeights.Length; i++)
        {
            logWeights[i] -= z;
        }
    }
}
