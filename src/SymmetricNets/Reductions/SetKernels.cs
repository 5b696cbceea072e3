using TorchSharp;
using SymmetricNets.Sets;
using static TorchSharp.torch;

namespace SymmetricNets.Reductions;

/// <summary>
/// The reductions over a set axis, as kernels that keep the reduced axis. Inputs are already split into
/// sets (<see cref="SetLayout"/>) and the mask, if any, is boolean and broadcastable to the input.
/// An empty (all-masked) set reduces to 0 for every kernel, and <see cref="Std"/> to <c>sqrt(eps)</c>.
/// </summary>
internal static class SetKernels
{
    /// <summary>Number of present elements per set, in the input's dtype (keepdim).</summary>
    private static Tensor Count(Tensor x, int dim, Tensor mask) => mask.sum(dim, keepdim: true, type: x.dtype);

    /// <summary>Sum over the set axis; absent elements count as 0.</summary>
    public static Tensor Sum(Tensor x, int dim, Tensor? mask) =>
        (mask is null ? x : x.masked_fill(mask.logical_not(), 0)).sum(dim, keepdim: true);

    /// <summary>Eq. (11): <c>rho(x) = 1/B sum_b x_b</c>, the mean over the present elements of each set
    /// (0 for an empty set).</summary>
    /// <remarks>Unmasked, computed as <c>sum(x) / B</c> with an in-place division of the (small) reduced tensor rather
    /// than <c>x.mean</c>: on CPU the sum over an outer axis is several times faster than the mean, and in backward
    /// the gradient of a sum is a stride-0 broadcast view of the reduced gradient, where the mean's gradient
    /// materialises a full input-sized tensor before it is added to the input's gradient.</remarks>
    /// <param name="x">The sets, already split (<see cref="SetLayout"/>).</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="mask">Optional boolean presence mask, broadcastable to <paramref name="x"/>.</param>
    public static Tensor Mean(Tensor x, int dim, Tensor? mask) => Mean(x, dim, mask, keepdim: true);

    /// <summary>Eq. (11) as <see cref="Mean(Tensor, int, Tensor?)"/>, with the reduced axis kept or dropped.</summary>
    /// <param name="x">The sets, already split (<see cref="SetLayout"/>).</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="mask">Optional boolean presence mask, broadcastable to <paramref name="x"/>.</param>
    /// <param name="keepdim">Keep the reduced axis with size 1, or drop it.</param>
    public static Tensor Mean(Tensor x, int dim, Tensor? mask, bool keepdim)
    {
        if (mask is null) return x.sum(dim, keepdim: keepdim).div_(x.size(dim));
        var mean = Sum(x, dim, mask).div_(Count(x, dim, mask).clamp_min_(1));
        return keepdim ? mean : mean.squeeze(dim);
    }

    /// <summary>Maximum over the present elements of each set (0 for an empty set).</summary>
    public static Tensor Max(Tensor x, int dim, Tensor? mask)
    {
        if (mask is null) return x.amax(new long[] { dim }, keepdim: true);
        var max = x.masked_fill(mask.logical_not(), double.NegativeInfinity).amax(new long[] { dim }, keepdim: true);
        return torch.where(mask.any(dim, keepdim: true), max, torch.zeros_like(max));
    }

    /// <summary>Minimum over the present elements of each set (0 for an empty set).</summary>
    public static Tensor Min(Tensor x, int dim, Tensor? mask)
    {
        if (mask is null) return x.amin(new long[] { dim }, keepdim: true);
        var min = x.masked_fill(mask.logical_not(), double.PositiveInfinity).amin(new long[] { dim }, keepdim: true);
        return torch.where(mask.any(dim, keepdim: true), min, torch.zeros_like(min));
    }

    /// <summary>Population variance <c>mean((x - mean(x))^2)</c>, two-pass (no cancellation of large means).</summary>
    public static Tensor Var(Tensor x, int dim, Tensor? mask)
    {
        var centred = x - Mean(x, dim, mask);
        return Mean(centred.square(), dim, mask);
    }

    /// <summary><c>sqrt(var + eps)</c>: eps inside the square root keeps the gradient finite at zero variance.</summary>
    public static Tensor Std(Tensor x, int dim, Tensor? mask, double eps) => Var(x, dim, mask).add_(eps).sqrt_();

    /// <summary>
    /// Validates, splits into sets, runs <paramref name="kernel"/> and shapes the result: the set axis is
    /// removed (one set, <paramref name="keepdim"/> false), kept with size 1 (one set, keepdim true), or
    /// replaced by one entry per set (<paramref name="numSets"/> &gt; 1).
    /// </summary>
    public static Tensor Apply(Tensor input, int dim, Tensor? mask, bool keepdim, long numSets, Func<Tensor, int, Tensor?, Tensor> kernel)
    {
        var layout = SetLayout.Validate(input, dim, numSets, mask);
        using var scope = torch.NewDisposeScope();
        var (x, m, d) = layout.Split(input, mask);
        var r = kernel(x, d, m);
        if (numSets > 1 || !keepdim) r = r.squeeze(d);
        return r.MoveToOuterDisposeScope();
    }
}
