using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Mixing;

/// <summary>
/// The result of <see cref="MixedBatchSampler.Sample"/>: a mixed batch (eq. (2)), its mask, the per-set target
/// ratios and, when requested, the complementary batch built from the samples the first one discarded.
/// Owns its tensors: dispose it (or move the tensors you keep out of it first).
/// </summary>
public sealed class MixedBatch : IDisposable
{
    internal MixedBatch(Tensor mixed, Tensor mask, Tensor target, Tensor ratio, Tensor? complementMixed, Tensor? complementTarget, int numSets, long setSize)
    {
        Mixed = mixed;
        Mask = mask;
        Target = target;
        Ratio = ratio;
        ComplementMixed = complementMixed;
        ComplementTarget = complementTarget;
        NumSets = numSets;
        SetSize = setSize;
    }

    /// <summary>The mixed batch <c>m_beta(x, x~) = x * beta + x~ * (1 - beta)</c> (eq. (2)), same shape, dtype and device as the inputs.</summary>
    public Tensor Mixed { get; }

    /// <summary>The mixing vector beta, boolean, shape <c>input.shape[0..setDim]</c> (<c>[N]</c> for the default set axis 0): true where the element is real.</summary>
    public Tensor Mask { get; }

    /// <summary>The true ratio of real elements <c>#beta / (N / k)</c> of each set, shape <c>[L k]</c> (<c>[k]</c> for the default set axis 0; L = product of the axes before the set axis, row-major): the discriminator's target in eq. (4).</summary>
    public Tensor Target { get; }

    /// <summary>The ratios <c>p ~ P</c> drawn for the sets (shape of <see cref="Target"/>); the mask was drawn as Bernoulli(p).</summary>
    public Tensor Ratio { get; }

    /// <summary>
    /// The complementary batch <c>m_{1 - beta}(x, x~)</c>: the real and generated samples the first batch discarded, so that
    /// every input sample appears exactly once in <see cref="Mixed"/> and <see cref="ComplementMixed"/> together.
    /// <c>null</c> unless the complement was requested.
    /// </summary>
    public Tensor? ComplementMixed { get; }

    /// <summary><c>1 - Target</c>, the targets of <see cref="ComplementMixed"/> (shape of <see cref="Target"/>); <c>null</c> unless the complement was requested.</summary>
    public Tensor? ComplementTarget { get; }

    /// <summary>The number k of sets the set axis was split into.</summary>
    public int NumSets { get; }

    /// <summary>The size <c>N / k</c> of each set.</summary>
    public long SetSize { get; }

    /// <summary>Disposes every tensor held.</summary>
    public void Dispose()
    {
        Mixed.Dispose();
        Mask.Dispose();
        Target.Dispose();
        Ratio.Dispose();
        ComplementMixed?.Dispose();
        ComplementTarget?.Dispose();
    }
}
