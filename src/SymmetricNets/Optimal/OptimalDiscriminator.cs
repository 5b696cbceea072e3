using SymmetricNets.Sets;
using SymmetricNets.Mixing;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Optimal;

/// <summary>
/// The exact optimal discriminator of the mixed-batch loss (4) for known densities, for any <see cref="RatioPrior"/>:
/// Proposition 1 (eq. (6), (7)) for the uniform prior and its extension of section 9 (eq. (38)-(53)). A research tool
/// and a test oracle.
/// </summary>
/// <remarks>
/// <para>
/// Eq. (45): <c>D*(y) = E[#beta / B | y]</c>, the posterior mean of the proportion of real samples. By eq. (46) and
/// (53), the posterior of a mask beta with <c>#beta = k</c> is proportional to
/// <c>P(beta) prod_i p1(y_i)^beta_i p2(y_i)^(1 - beta_i)</c> with the per-mask prior
/// <c>P(beta) = P(k) / C(B, k)</c> (eq. (41) for Beta(a, b); <c>P(k)</c> from <see cref="RatioPrior.LogCountWeights"/>).
/// Dividing by <c>prod_i p2(y_i)</c> and summing over the masks with k ones, the posterior of k is
/// <code>P(k | y) proportional to  P(k) / C(B, k) * e_k(r),   r_i = p1(y_i) / p2(y_i)</code>
/// with <c>e_k</c> the k-th elementary symmetric polynomial of the ratios (the sum over the masks with k ones),
/// computed by the O(B^2) recurrence <c>e_k &lt;- e_k + r_i e_{k-1}</c> in log space (logaddexp), vectorised over the
/// batches. Then <c>D*(y) = sum_k (k / B) P(k | y)</c>, eq. (51): <c>a / (a + b) * Q(y) / P(y)</c>, which for the
/// uniform prior is eq. (52) = eq. (6), <c>(1/2) p_unbalanced(y) / p_balanced(y)</c>.
/// </para>
/// <para>
/// The weight that multiplies <c>e_k</c> is <c>P(k) / C(B, k)</c>; for the uniform prior it is
/// <c>1 / ((B + 1) C(B, k))</c>, not a constant: the weight on k is constant (<c>1 / (B + 1)</c>) only for <c>e_k</c>
/// normalised by <c>C(B, k)</c> (the design notes' "uniform: w_k constant" holds in that normalisation only).
/// </para>
/// <para>No overflow for large batches (tested up to B = 1024): everything is done in float64 log space.
/// Densities must be positive and finite where evaluated (<c>logP2 = -infinity</c> gives NaN).</para>
/// </remarks>
public sealed class OptimalDiscriminator
{
    /// <summary>Creates the optimal discriminator for a prior on the mixing ratio.</summary>
    /// <param name="prior">The prior on p used to build the mixed batches.</param>
    /// <exception cref="ArgumentNullException"><paramref name="prior"/> is null.</exception>
    public OptimalDiscriminator(RatioPrior prior)
    {
        ArgumentNullException.ThrowIfNull(prior);
        Prior = prior;
    }

    /// <summary>The prior on the mixing ratio.</summary>
    public RatioPrior Prior { get; }

    /// <summary>
    /// Eq. (45): <c>D*(y) = E[#beta / B | y]</c> for batches y given by the log-densities of their elements.
    /// </summary>
    /// <param name="logP1">log p1(y_i), the real (data) log-density of every element: shape <c>[B]</c> or <c>[M, B]</c> (M batches).</param>
    /// <param name="logP2">log p2(y_i), the generated log-density, same shape.</param>
    /// <returns>float64, shape <c>[]</c> for one batch or <c>[M]</c>, values in [0, 1].</returns>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public Tensor Evaluate(Tensor logP1, Tensor logP2)
    {
        int b = Check(logP1, logP2);
        using var scope = torch.NewDisposeScope();
        var post = CountPosteriorCore(logP1, logP2, b);
        var ratios = torch.arange(0, b + 1, dtype: ScalarType.Float64, device: post.device) / (double)b;
        var d = (post * ratios).sum([-1L]);
        return d.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The posterior <c>P(#beta = k | y)</c>, k = 0..B, of the number of real elements of each batch (the law whose
    /// mean over <c>k / B</c> is <see cref="Evaluate"/>).
    /// </summary>
    /// <param name="logP1">Real log-densities, <c>[B]</c> or <c>[M, B]</c>.</param>
    /// <param name="logP2">Generated log-densities, same shape.</param>
    /// <returns>float64, shape <c>[B + 1]</c> or <c>[M, B + 1]</c>; each row sums to 1.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public Tensor CountPosterior(Tensor logP1, Tensor logP2)
    {
        int b = Check(logP1, logP2);
        using var scope = torch.NewDisposeScope();
        return CountPosteriorCore(logP1, logP2, b).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Logarithms of the elementary symmetric polynomials <c>e_0..e_B</c> of <c>r_i = exp(logR_i)</c>, by the recurrence
    /// <c>e_k &lt;- e_k + r_i e_{k-1}</c> in log space (O(B^2) work, B steps, vectorised over the leading axis).
    /// </summary>
    /// <param name="logR">Log-ratios, float64 recommended, shape <c>[B]</c> or <c>[M, B]</c>.</param>
    /// <returns>Shape <c>[B + 1]</c> or <c>[M, B + 1]</c>, the dtype of <paramref name="logR"/>; <c>e_0 = 1</c> (log 0).</returns>
    /// <exception cref="ArgumentException"><paramref name="logR"/> is not of rank 1 or 2 or not floating point.</exception>
    public static Tensor LogElementarySymmetric(Tensor logR)
    {
        ArgumentNullException.ThrowIfNull(logR);
        if (logR.dim() is not (1 or 2) || !RatioPrior.IsFloating(logR.dtype))
        {
            throw new ArgumentException($"logR must be a floating-point tensor of shape [B] or [M, B]; got {logR.dtype} {SetLayout.Fmt(logR.shape)}.", nameof(logR));
        }

        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        bool single = logR.dim() == 1;
        var r = single ? logR.unsqueeze(0) : logR;
        long m = r.shape[0];
        long b = r.shape[1];
        var e = torch.full([m, b + 1], double.NegativeInfinity, dtype: r.dtype, device: r.device);
        e.select(1, 0).fill_(0.0);
        for (long i = 0; i < b; i++)
        {
            // Entries 1..i+1 change; entries 0..i hold the previous e_0..e_i (read before the write).
            using var prev = e.narrow(1, 0, i + 1);
            using var cur = e.narrow(1, 1, i + 1);
            using var ri = r.narrow(1, i, 1);
            using var shifted = prev + ri;
            using var upd = torch.logaddexp(cur, shifted);
            cur.copy_(upd);
        }

        return (single ? e.squeeze(0) : e).MoveToOuterDisposeScope();
    }

    private Tensor CountPosteriorCore(Tensor logP1, Tensor logP2, int b)
    {
        var logR = logP1.to_type(ScalarType.Float64) - logP2.to_type(ScalarType.Float64);
        var logE = LogElementarySymmetric(logR);
        var logCount = Prior.LogCountWeights(b);
        var logMask = new double[b + 1];
        for (int k = 0; k <= b; k++)
        {
            // Per-mask prior P(beta) = P(k) / C(B, k) (eq. (41) for the Beta prior).
            logMask[k] = logCount[k] - MathUtil.LogChoose(b, k);
        }

        var w = torch.tensor(logMask, dtype: ScalarType.Float64, device: logE.device);
        var logPost = logE + w;
        return torch.softmax(logPost, -1);
    }

    private static int Check(Tensor logP1, Tensor logP2)
    {
        ArgumentNullException.ThrowIfNull(logP1);
        ArgumentNullException.ThrowIfNull(logP2);
        string s1 = SetLayout.Fmt(logP1.shape);
        if (logP1.dim() is not (1 or 2) || logP1.shape[^1] < 1 || !RatioPrior.IsFloating(logP1.dtype))
        {
            throw new ArgumentException($"logP1 must be a floating-point tensor of shape [B] or [M, B] with B >= 1; got {logP1.dtype} {s1}.", nameof(logP1));
        }

        if (!logP1.shape.SequenceEqual(logP2.shape) || !RatioPrior.IsFloating(logP2.dtype))
        {
            throw new ArgumentException($"logP2 must be a floating-point tensor of the shape of logP1: expected {s1}, got {logP2.dtype} {SetLayout.Fmt(logP2.shape)}.", nameof(logP2));
        }

        if (logP1.device_type != logP2.device_type || logP1.device_index != logP2.device_index)
        {
            throw new ArgumentException($"logP2 must live on the device of logP1: expected {logP1.device}, got {logP2.device}.", nameof(logP2));
        }

        return checked((int)logP1.shape[^1]);
    }
}
