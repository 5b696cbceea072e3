using SymmetricNets.Sets;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Reductions;

/// <summary>
/// Base class of the permutation-invariant reductions over a set axis (eq. 10 closes a symmetric network
/// with one). It owns the axis, many-sets and mask plumbing; each reduction supplies a kernel.
/// </summary>
/// <remarks>
/// Output shape: the set axis <see cref="dim"/> is removed (one set, <see cref="keepdim"/> false), kept with
/// size 1 (one set, keepdim true), or replaced by one entry per set when <see cref="num_sets"/> &gt; 1.
/// With a mask, absent elements are ignored; an all-masked set reduces to 0 (and <see cref="SetStd"/> to
/// <c>sqrt(eps)</c>), with finite gradients. See <see cref="SetLayout"/> for the conventions.
/// </remarks>
public abstract class SetReduction : nn.Module<Tensor, Tensor>, IMaskedSetModule
{
    /// <summary>Creates the reduction.</summary>
    /// <param name="name">The module name.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep the set axis with size 1 (single set).</param>
    /// <param name="numSets">Number of equal sets the set axis is split into.</param>
    protected SetReduction(string name, int dim, bool keepdim, long numSets) : base(name)
    {
        if (numSets < 1) throw new ArgumentException($"numSets must be at least 1; got {numSets}.", nameof(numSets));
        this.dim = dim;
        this.keepdim = keepdim;
        num_sets = numSets;
    }

    /// <summary>The set axis (negative counts from the end).</summary>
    public int dim { get; }

    /// <summary>Whether a single set's reduced axis is kept with size 1.</summary>
    public bool keepdim { get; }

    /// <summary>The number of equal sets the set axis is split into.</summary>
    public long num_sets { get; }

    /// <summary>Reduces over the set axis with every element present.</summary>
    /// <param name="input">Input with the set axis at <see cref="dim"/>.</param>
    public override Tensor forward(Tensor input) => forward(input, null);

    /// <summary>Reduces over the present elements of each set.</summary>
    /// <param name="input">Input with the set axis at <see cref="dim"/>.</param>
    /// <param name="mask">Optional boolean mask of shape <c>input.shape[0..dim]</c> (true = present).</param>
    public Tensor forward(Tensor input, Tensor? mask) => SetKernels.Apply(input, dim, mask, keepdim, num_sets, Kernel);

    /// <summary>
    /// The reduction itself: reduces <paramref name="x"/> over axis <paramref name="setDim"/>, keeping that
    /// axis with size 1. <paramref name="mask"/> is null or boolean and broadcastable to <paramref name="x"/>.
    /// </summary>
    /// <param name="x">The input, already split into sets.</param>
    /// <param name="setDim">The axis to reduce.</param>
    /// <param name="mask">Null, or the presence mask broadcastable to <paramref name="x"/>.</param>
    protected abstract Tensor Kernel(Tensor x, int setDim, Tensor? mask);
}
