using SymmetricNets.Sets;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Mixing;

/// <summary>
/// Builds mixed batches (paper, section 3.1, eq. (2)): for each set a ratio <c>p ~ P</c> is drawn from a
/// <see cref="RatioPrior"/>, then a mask <c>beta ~ Bernoulli(p)</c> per element, and the batch takes the real sample
/// where <c>beta = 1</c> and the generated one where <c>beta = 0</c>.
/// </summary>
/// <remarks>
/// <para>
/// Sets. The set axis (<see cref="SetDim"/>, default 0, size N) is split into k = <see cref="NumSets"/> contiguous
/// sets of equal size: set j holds elements <c>[j N / k, (j + 1) N / k)</c>. This is the paper's "multiple batch
/// discriminators" convention, shared with the layers and the losses (<see cref="SymmetricNets.Losses.RatioKLLoss"/>).
/// One ratio is drawn per set. Axes before the set axis index independent groups of sets, as for the layers
/// (<see cref="SymmetricNets.Sets.SetLayout"/>): an input <c>[G, N, F]</c> with <c>setDim = 1</c> holds G x k sets, each
/// with its own ratio and mask. Axes after the set axis belong to each element (they are real or fake together).
/// Targets and ratios are flat, <c>[L k]</c> with L the product of the leading axes, in row-major order: the order of a
/// network's per-set outputs <c>[..., k, 1]</c> flattened, which is what the losses take.
/// </para>
/// <para>
/// Everything runs on the inputs' device, with the optional generator, and never synchronises with the host.
/// </para>
/// </remarks>
public sealed class MixedBatchSampler
{
    /// <summary>Creates a sampler.</summary>
    /// <param name="prior">Prior on the mixing ratio p.</param>
    /// <param name="numSets">Number k of independent sets the set axis is split into (&gt;= 1).</param>
    /// <param name="setDim">The set axis of the inputs (negative values count from the end).</param>
    /// <exception cref="ArgumentNullException"><paramref name="prior"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="numSets"/> is smaller than 1.</exception>
    public MixedBatchSampler(RatioPrior prior, int numSets = 1, int setDim = 0)
    {
        ArgumentNullException.ThrowIfNull(prior);
        if (numSets < 1)
        {
            throw new ArgumentException($"numSets must be >= 1; got {numSets}.", nameof(numSets));
        }

        Prior = prior;
        NumSets = numSets;
        SetDim = setDim;
    }

    /// <summary>The prior on the mixing ratio.</summary>
    public RatioPrior Prior { get; }

    /// <summary>The number k of sets along the set axis.</summary>
    public int NumSets { get; }

    /// <summary>The set axis of the inputs.</summary>
    public int SetDim { get; }

    /// <summary>
    /// Draws a mixed batch from a real and a generated batch of the same shape, dtype and device. Eq. (2):
    /// <c>m_beta(x, x~) = x * beta + x~ * (1 - beta)</c>, computed as <c>where(beta, x, x~)</c> so that gradients flow
    /// into <paramref name="fake"/> (and <paramref name="real"/>) exactly at the chosen positions, and a NaN or infinity
    /// in a discarded sample cannot leak through a multiplication by zero.
    /// </summary>
    /// <param name="real">The real batch x, set axis of size N at <see cref="SetDim"/>.</param>
    /// <param name="fake">The generated batch x~, same shape, dtype and device as <paramref name="real"/>.</param>
    /// <param name="generator">Optional random generator on the inputs' device.</param>
    /// <param name="withComplement">Also build the complementary batch (mask <c>1 - beta</c>), which reuses exactly the samples the first one discarded.</param>
    /// <returns>The mixed batch; <see cref="MixedBatch.Target"/> has the inputs' dtype when it is floating point, float32 otherwise.</returns>
    /// <exception cref="ArgumentNullException">An input is null.</exception>
    /// <exception cref="ArgumentException">
    /// The inputs differ in shape, dtype or device (names <paramref name="fake"/>); the input has no axis
    /// <see cref="SetDim"/> (names <paramref name="real"/>); N is not divisible by <see cref="NumSets"/> (names numSets).
    /// </exception>
    public MixedBatch Sample(Tensor real, Tensor fake, Generator? generator = null, bool withComplement = false)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(fake);
        var shape = real.shape;
        if (!shape.SequenceEqual(fake.shape))
        {
            throw new ArgumentException($"fake must have the shape of real: expected {SetLayout.Fmt(shape)}, got {SetLayout.Fmt(fake.shape)}.", nameof(fake));
        }

        if (real.dtype != fake.dtype)
        {
            throw new ArgumentException($"fake must have the dtype of real: expected {real.dtype}, got {fake.dtype}.", nameof(fake));
        }

        if (real.device_type != fake.device_type || real.device_index != fake.device_index)
        {
            throw new ArgumentException($"fake must live on the device of real: expected {real.device}, got {fake.device}.", nameof(fake));
        }

        int rank = shape.Length;
        int dim = SetDim < 0 ? SetDim + rank : SetDim;
        if (dim < 0 || dim >= rank)
        {
            throw new ArgumentException($"real must have a set axis {SetDim}: got shape {SetLayout.Fmt(shape)} of rank {rank}, expected rank >= {(SetDim < 0 ? -SetDim : SetDim + 1)}.", nameof(real));
        }

        long n = shape[dim];
        if (n == 0 || n % NumSets != 0)
        {
            throw new ArgumentException($"The set axis {SetDim} of size {n} (input shape {SetLayout.Fmt(shape)}) must split into numSets = {NumSets} non-empty sets of equal size: expected a positive multiple of {NumSets}.", "numSets");
        }

        long setSize = n / NumSets;
        long groups = shape.Take(dim).Aggregate(1L, (a, b) => a * b);
        long sets = groups * NumSets;
        var targetType = RatioPrior.IsFloating(real.dtype) ? real.dtype : ScalarType.Float32;

        using var scope = torch.NewDisposeScope();
        // Draws in float32 (float64 for float64 inputs), results in the inputs' floating type.
        var workType = targetType == ScalarType.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        var ratio = Prior.Sample(sets, real.device, generator, workType);
        // One probability per element: set j's ratio repeated over its N / k elements.
        var probs = ratio.unsqueeze(1).expand(sets, setSize);
        var draws = torch.bernoulli(probs, generator);
        var mask = draws.to_type(ScalarType.Bool).reshape(shape.Take(dim + 1).ToArray());
        var target = draws.mean([1L]);
        if (workType != targetType)
        {
            ratio = ratio.to_type(targetType);
            target = target.to_type(targetType);
        }

        var viewShape = shape.Take(dim + 1).Concat(Enumerable.Repeat(1L, rank - dim - 1)).ToArray();
        var broadcastMask = mask.view(viewShape);
        var mixed = torch.where(broadcastMask, real, fake);

        Tensor? complement = null;
        Tensor? complementTarget = null;
        if (withComplement)
        {
            complement = torch.where(broadcastMask, fake, real).MoveToOuterDisposeScope();
            complementTarget = (1.0 - target).MoveToOuterDisposeScope();
        }

        return new MixedBatch(
            mixed.MoveToOuterDisposeScope(),
            mask.MoveToOuterDisposeScope(),
            target.MoveToOuterDisposeScope(),
            ratio.MoveToOuterDisposeScope(),
            complement,
            complementTarget,
            NumSets,
            setSize);
    }
}
