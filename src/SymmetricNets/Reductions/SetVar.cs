using static TorchSharp.torch;

namespace SymmetricNets.Reductions;

/// <summary>Permutation-invariant population variance (two-pass) over the present elements of each set.</summary>
public sealed class SetVar : SetReduction
{
    /// <summary>Creates the reduction; see <see cref="SetReduction"/> for the shapes.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's reduced axis with size 1.</param>
    /// <param name="numSets">Number of equal sets the set axis is split into.</param>
    public SetVar(int dim = 0, bool keepdim = false, long numSets = 1) : base(nameof(SetVar), dim, keepdim, numSets) { }

    /// <inheritdoc />
    protected override Tensor Kernel(Tensor x, int setDim, Tensor? mask) => SetKernels.Var(x, setDim, mask);
}
