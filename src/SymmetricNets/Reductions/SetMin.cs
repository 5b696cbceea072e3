using static TorchSharp.torch;

namespace SymmetricNets.Reductions;

/// <summary>Permutation-invariant minimum over the present elements of each set.</summary>
public sealed class SetMin : SetReduction
{
    /// <summary>Creates the reduction; see <see cref="SetReduction"/> for the shapes.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's reduced axis with size 1.</param>
    /// <param name="numSets">Number of equal sets the set axis is split into.</param>
    public SetMin(int dim = 0, bool keepdim = false, long numSets = 1) : base(nameof(SetMin), dim, keepdim, numSets) { }

    /// <inheritdoc />
    protected override Tensor Kernel(Tensor x, int setDim, Tensor? mask) => SetKernels.Min(x, setDim, mask);
}
