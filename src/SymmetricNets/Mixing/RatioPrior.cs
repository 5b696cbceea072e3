using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Mixing;

/// <summary>
/// A prior <c>P</c> on the mixing ratio <c>p</c> in [0, 1] of a mixed batch (paper, section 3.1): for each set,
/// <c>p ~ P</c> is drawn, then every element is taken from the real batch with probability <c>p</c>.
/// </summary>
/// <remarks>
/// The prior induces a law on <c>k = #beta</c>, the number of real elements in a set of size <c>B</c>:
/// <c>P(k) = integral of C(B, k) p^k (1 - p)^(B - k) dP(p)</c> (eq. (39)). <see cref="CountWeights"/> returns it;
/// the optimal discriminator (<see cref="SymmetricNets.Optimal.OptimalDiscriminator"/>) uses it.
/// </remarks>
public abstract class RatioPrior
{
    /// <summary>Prior mean of the ratio <c>p</c> (also the mean of <c>#beta / B</c> for every set size <c>B</c>).</summary>
    public abstract double Mean { get; }

    /// <summary>
    /// Draws <paramref name="count"/> independent ratios <c>p ~ P</c>, a tensor of shape <c>[count]</c> with values in
    /// [0, 1], created on <paramref name="device"/> without any synchronisation with the host.
    /// </summary>
    /// <param name="count">Number of ratios to draw (&gt;= 0).</param>
    /// <param name="device">Device of the result; <c>null</c> means the CPU.</param>
    /// <param name="generator">Optional random generator (must live on <paramref name="device"/>); <c>null</c> uses the default one.</param>
    /// <param name="dtype">Floating-point type of the result.</param>
    /// <returns>A tensor of shape <c>[count]</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="count"/> is negative or <paramref name="dtype"/> is not a floating-point type.</exception>
    public Tensor Sample(long count, Device? device = null, Generator? generator = null, ScalarType dtype = ScalarType.Float32)
    {
        if (count < 0)
        {
            throw new ArgumentException($"count must be >= 0; got {count}.", nameof(count));
        }

        if (!IsFloating(dtype))
        {
            throw new ArgumentException($"dtype must be a floating-point type (Float16, BFloat16, Float32, Float64); got {dtype}.", nameof(dtype));
        }

        using var scope = torch.NewDisposeScope();
        // Half-precision draws are made in float32 and converted once.
        var work = dtype == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        var p = SampleCore(count, device ?? torch.CPU, generator, work);
        if (p.dtype != dtype)
        {
            p = p.to_type(dtype);
        }

        return p.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The law induced on the number of real elements <c>k = #beta</c> in a set of size <paramref name="setSize"/>:
    /// element <c>k</c> (0 &lt;= k &lt;= B) is <c>P(#beta = k)</c>. Computed in double precision (in log space where
    /// needed, see <see cref="LogCountWeights"/>); the weights sum to 1.
    /// </summary>
    /// <param name="setSize">The set size <c>B</c> (&gt;= 1).</param>
    /// <returns>An array of length <c>B + 1</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="setSize"/> is smaller than 1.</exception>
    public double[] CountWeights(int setSize)
    {
        var log = LogCountWeights(setSize);
        var w = new double[log.Length];
        for (int k = 0; k < w.Length; k++)
        {
            w[k] = Math.Exp(log[k]);
        }

        return w;
    }

    /// <summary>
    /// Natural logarithms of <see cref="CountWeights"/> (negative infinity where a count is impossible), normalised so
    /// that their exponentials sum to 1. Use this for large set sizes, where some weights underflow a double.
    /// </summary>
    /// <param name="setSize">The set size <c>B</c> (&gt;= 1).</param>
    /// <returns>An array of length <c>B + 1</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="setSize"/> is smaller than 1.</exception>
    public double[] LogCountWeights(int setSize)
    {
        if (setSize < 1)
        {
            throw new ArgumentException($"setSize must be >= 1; got {setSize}.", nameof(setSize));
        }

        var log = LogCountWeightsCore(setSize);
        MathUtil.NormalizeLog(log);
        return log;
    }

    /// <summary>Draws <paramref name="count"/> ratios of type <paramref name="dtype"/> (Float32 or Float64) on <paramref name="device"/>.</summary>
    /// <param name="count">Number of ratios (&gt;= 0).</param>
    /// <param name="device">Target device (never null).</param>
    /// <param name="generator">Optional generator.</param>
    /// <param name="dtype">Float32 or Float64.</param>
    /// <returns>A tensor of shape <c>[count]</c> in [0, 1].</returns>
    protected abstract Tensor SampleCore(long count, Device device, Generator? generator, ScalarType dtype);

    /// <summary>Unnormalised (or normalised) log-weights of <c>k = 0..B</c>; the base class normalises them.</summary>
    /// <param name="setSize">The set size <c>B</c> (&gt;= 1, already checked).</param>
    /// <returns>An array of length <c>B + 1</c>.</returns>
    protected abstract double[] LogCountWeightsCore(int setSize);

    internal static bool IsFloating(ScalarType t) =>
        t is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;
}
