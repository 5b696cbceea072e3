using static TorchSharp.torch;

namespace SymmetricNets.Reductions;

/// <summary>
/// Permutation-invariant standard deviation <c>sqrt(var + eps)</c> over the present elements of each set:
/// two-pass population variance, eps inside the square root so the gradient is finite at zero variance.
/// </summary>
public sealed class SetStd : SetReduction
{
    /// <summary>Creates the reduction; see <see cref="SetReduction"/> for the shapes.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's reduced axis with size 1.</param>
    /// <param name="numSets">Number of equal sets the set axis is split into.</param>
    /// <param name="eps">Added to the variance inside the square root (must be positive).</param>
    public SetStd(int dim = 0, bool keepdim = false, long numSets = 1, double eps = 1e-8) : base(nameof(SetStd), dim, keepdim, numSets)
    {
        if (!(eps > 0)) throw new ArgumentException($"eps must be positive; got {eps}.", nameof(eps));
        this.eps = eps;
    }

    /// <summary>The constant added to the variance inside the square root.</summary>
    public double eps { get; }

    /// <inheritdoc />
    protected override Tensor Kernel(Tensor x, int setDim, Tensor? mask) => SetKernels.Std(x, setDim, mask, eps);
}
