using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Mixing;

/// <summary>
/// Batch smoothing-gamma (paper, end of section 3.1): <c>p</c> uniform on <c>[0, gamma] U [1 - gamma, 1]</c>.
/// gamma = 0 is "no mixing" (pure batches: p = 0 or p = 1, each with probability 1/2); gamma = 0.5 is the uniform
/// prior of eq. (4). Section 5.3 of the paper: raise gamma when the discriminator dominates, lower it when the
/// discriminator loss is stuck high in spite of poor generated samples.
/// </summary>
/// <remarks>
/// Induced law on <c>k = #beta</c> for a set of size B and 0 &lt; gamma &lt;= 0.5, with
/// <c>T(j) = P(Binomial(B + 1, gamma) &gt;= j)</c>:
/// <code>P(k) = [T(k + 1) + T(B - k + 1)] / (2 gamma (B + 1))</code>
/// Derivation: <c>integral_0^x C(B,k) p^k (1-p)^(B-k) dp = I_x(k+1, B-k+1) / (B+1)</c> and
/// <c>I_x(k+1, B-k+1) = P(Binomial(B+1, x) &gt;= k+1)</c>; the density is <c>1/(2 gamma)</c> on each interval and
/// <c>1 - I_{1-gamma}(k+1, B-k+1) = I_gamma(B-k+1, k+1)</c>. Both tails are summed in log space at gamma itself, so no
/// <c>1 - I</c> cancellation occurs. For gamma = 0: <c>P(0) = P(B) = 1/2</c>.
/// </remarks>
public sealed class BatchSmoothingPrior : RatioPrior
{
    /// <summary>Creates the batch smoothing-gamma prior.</summary>
    /// <param name="gamma">Half-width of the smoothing, in [0, 0.5].</param>
    /// <exception cref="ArgumentException"><paramref name="gamma"/> is outside [0, 0.5] or not a number.</exception>
    public BatchSmoothingPrior(double gamma)
    {
        if (!(gamma >= 0.0 && gamma <= 0.5))
        {
            throw new ArgumentException($"gamma must lie in [0, 0.5]; got {gamma}.", nameof(gamma));
        }

        Gamma = gamma;
    }

    /// <summary>The smoothing parameter gamma in [0, 0.5].</summary>
    public double Gamma { get; }

    /// <summary>0.5 (the prior is symmetric about 1/2).</summary>
    public override double Mean => 0.5;

    /// <inheritdoc />
    protected override Tensor SampleCore(long count, Device device, Generator? generator, ScalarType dtype)
    {
        using var u = torch.rand([count], dtype: dtype, device: device, generator: generator);
        using var low = u < 0.5;
        if (Gamma == 0.0)
        {
            // Pure batches: p = 0 or p = 1 with probability 1/2 each.
            return low.logical_not().to_type(dtype);
        }

        // u in [0, 1/2) -> 2 g u in [0, g); u in [1/2, 1) -> 1 - 2 g (1 - u) in [1 - g, 1).
        double g2 = 2.0 * Gamma;
        using var a = u * g2;
        using var oneMinusU = 1.0 - u;
        using var b0 = oneMinusU * g2;
        using var b = 1.0 - b0;
        return torch.where(low, a, b);
    }

    /// <inheritdoc />
    protected override double[] LogCountWeightsCore(int setSize)
    {
        int bSize = setSize;
        var log = new double[bSize + 1];
        if (Gamma == 0.0)
        {
            Array.Fill(log, double.NegativeInfinity);
            log[0] = Math.Log(0.5);
            log[bSize] = Math.Log(0.5);
            return log;
        }

        // logTail[j] = log P(Binomial(n, g) >= j), j = 0..n+1, n = B + 1.
        int n = bSize + 1;
        double lg = Math.Log(Gamma);
        double l1g = Math.Log(1.0 - Gamma);
        var logTail = new double[n + 2];
        logTail[n + 1] = double.NegativeInfinity;
        for (int j = n; j >= 0; j--)
        {
            double term = MathUtil.LogChoose(n, j) + j * lg + (n - j) * l1g;
            logTail[j] = MathUtil.LogAddExp(logTail[j + 1], term);
        }

        double logNorm = Math.Log(2.0 * Gamma * n);
        for (int k = 0; k <= bSize; k++)
        {
            log[k] = MathUtil.LogAddExp(logTail[k + 1], logTail[bSize - k + 1]) - logNorm;
        }

        return log;
    }

    /// <inheritdoc />
    public override string ToString() => $"BatchSmoothing(gamma = {Gamma})";
}
