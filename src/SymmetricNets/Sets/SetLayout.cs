using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Sets;

/// <summary>
/// The axis and mask plumbing shared by every layer and reduction: where the set axis is, how many
/// independent sets it holds, and which elements are present.
/// </summary>
/// <remarks>
/// <para><b>Set axis.</b> <c>dim</c> names the axis whose entries are the elements of a set. The paper's
/// set is the minibatch (<c>dim = 0</c>, input <c>[B, F]</c> or <c>[B, C, H, W]</c>); users with many sets
/// per batch use for example <c>[G, N, F]</c> with <c>dim = 1</c>. Axes before <c>dim</c> index independent
/// sets, axes after it belong to each element.</para>
/// <para><b>Many sets at once.</b> <c>numSets = k</c> splits the set axis of size <c>N</c> into <c>k</c>
/// contiguous equal sets: set <c>j</c> holds elements <c>[j N/k, (j+1) N/k)</c>. This is the paper's
/// "multiple batch discriminators" (Fig. 5d) as one call; <c>N</c> must be divisible by <c>k</c>.
/// Reductions then return one result per set along the former set axis (size <c>k</c>).</para>
/// <para><b>Masks.</b> An optional boolean mask of shape <c>x.shape[0..dim]</c> (every axis up to and
/// including the set axis; true = element present) marks ragged sets.</para>
/// </remarks>
public readonly struct SetLayout
{
    /// <summary>The set axis, normalised to be non-negative.</summary>
    public int Dim { get; }

    /// <summary>The number of independent equal sets the set axis is split into.</summary>
    public long NumSets { get; }

    private SetLayout(int dim, long numSets) { Dim = dim; NumSets = numSets; }

    /// <summary>
    /// Validates <paramref name="dim"/>, <paramref name="numSets"/> and the optional
    /// <paramref name="mask"/> against <paramref name="input"/> and returns the normalised layout.
    /// </summary>
    /// <param name="input">The input tensor.</param>
    /// <param name="dim">The set axis (negative counts from the end).</param>
    /// <param name="numSets">How many equal sets the set axis holds.</param>
    /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
    /// <param name="trailingDims">How many trailing axes are per-element features that may not be the set
    /// axis (1 for dense features, 3 for <c>[C, H, W]</c>).</param>
    /// <param name="inputName">The parameter name reported for a bad input.</param>
    /// <exception cref="ArgumentException">A bad axis, a set size not divisible by
    /// <paramref name="numSets"/>, or a mask of the wrong shape or type.</exception>
    public static SetLayout Validate(Tensor input, int dim, long numSets, Tensor? mask, int trailingDims = 0, string inputName = "input")
    {
        ArgumentNullException.ThrowIfNull(input, inputName);
        var shape = input.shape;
        int ndim = shape.Length;
        if (ndim < trailingDims + 1)
            throw new ArgumentException(
                $"Expected at least {trailingDims + 1} dimensions (a set axis and {trailingDims} feature axes); got shape {Fmt(shape)}.", inputName);
        int d = dim < 0 ? dim + ndim : dim;
        if (d < 0 || d >= ndim - trailingDims)
            throw new ArgumentException(
                $"Set axis {dim} is out of range for input of shape {Fmt(shape)}: expected an axis in [{-ndim}, {ndim - trailingDims - 1}] " +
                $"(the last {trailingDims} axes are features).", nameof(dim));
        if (numSets < 1)
            throw new ArgumentException($"numSets must be at least 1; got {numSets}.", nameof(numSets));
        if (shape[d] % numSets != 0)
            throw new ArgumentException(
                $"The set axis {d} of input shape {Fmt(shape)} has size {shape[d]}, which is not divisible into {numSets} equal sets.", nameof(numSets));
        if (mask is not null)
        {
            var expected = shape.Take(d + 1).ToArray();
            if (mask.dtype != ScalarType.Bool)
                throw new ArgumentException($"The mask must be boolean (true = present); got dtype {mask.dtype}.", nameof(mask));
            if (!mask.shape.SequenceEqual(expected))
                throw new ArgumentException(
                    $"The mask has shape {Fmt(mask.shape)}; expected {Fmt(expected)} (input shape {Fmt(shape)} up to and including set axis {d}).",
                    nameof(mask));
        }
        return new SetLayout(d, numSets);
    }

    /// <summary>
    /// Splits the set axis into <see cref="NumSets"/> sets (a view): returns the reshaped input, the
    /// reshaped mask broadcastable to it (or null) and the new set axis. With one set nothing is reshaped.
    /// </summary>
    internal (Tensor x, Tensor? mask, int dim) Split(Tensor input, Tensor? mask)
    {
        Tensor? m = mask;
        if (NumSets == 1)
            return (input, m is null ? null : Broadcastable(m, input.dim()), Dim);
        var shape = input.shape;
        var split = shape.Take(Dim).Append(NumSets).Append(shape[Dim] / NumSets).Concat(shape.Skip(Dim + 1)).ToArray();
        var x = input.reshape(split);
        if (m is not null)
            m = Broadcastable(m.reshape(split.Take(Dim + 2).ToArray()), x.dim());
        return (x, m, Dim + 1);
    }

    /// <summary>Appends singleton axes so that a mask over the leading axes broadcasts against an input.</summary>
    private static Tensor Broadcastable(Tensor mask, long ndim)
    {
        var extra = (int)(ndim - mask.dim());
        return extra == 0 ? mask : mask.reshape(mask.shape.Concat(Enumerable.Repeat(1L, extra)).ToArray());
    }

    /// <summary>Formats a shape as <c>[a, b, c]</c> for error messages.</summary>
    internal static string Fmt(long[] shape) => "[" + string.Join(", ", shape) + "]";
}
