using SymmetricNets.Reductions;
using SymmetricNets.Sets;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Layers;

/// <summary>The equivariant layer of the paper, eq. (12), as functions of the input and the parameters.</summary>
internal static class EquivariantOps
{
    /// <summary>
    /// Eq. (12), dense form, before the nonlinearity: <c>beta + x_b Lambda + rho(x) Gamma</c>, with
    /// <c>rho</c> the (masked) set mean of eq. (11). Computed as <c>rho(x) Gamma</c> (one small product per
    /// set), never <c>rho(x Gamma)</c>. A single 2-D set is the set mean, one matrix-vector product
    /// <c>beta + Gamma rho(x)</c> (<c>addmv</c>) and one <c>addmm</c> with that row as its broadcast bias.
    /// Outputs of absent (masked) elements are 0.
    /// </summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor mixWeight, Tensor? bias, int dim, long numSets, Tensor? mask)
    {
        if (IsPlainSet(input, weight, mixWeight, bias, dim, numSets, mask))
        {
            // The paper's case, [B, in] with the whole minibatch one set: four native calls and no dispose scope (the
            // set mean and the Gamma row are disposed here; autograd keeps what it needs). The mean is a vector and the
            // row an addmv rather than a [1, in] x [in, out] linear: same arithmetic, but no transposed view of Gamma (one
            // autograd node fewer) and a matrix-vector kernel; the fixed cost of every operator and node is what the
            // narrow layers of 2-D MLPs pay (docs/benchmarks.md).
            using var rho = SetKernels.Mean(input, 0, null, keepdim: false);
            using var row = bias is null ? mixWeight.mv(rho) : torch.addmv(bias, mixWeight, rho, 1, 1);
            return nn.functional.linear(input, weight, row);
        }
        CheckParameters(input, weight, mixWeight, bias, 1, "[..., N, ..., {0}] (a set axis and {0} features last)");
        var layout = SetLayout.Validate(input, dim, numSets, mask, trailingDims: 1);
        using var scope = torch.NewDisposeScope();
        var (x, m, d) = layout.Split(input, mask);
        var absent = m?.logical_not();
        if (absent is not null) x = x.masked_fill(absent, 0);
        var mix = nn.functional.linear(SetKernels.Mean(x, d, m), mixWeight, bias);
        var y = nn.functional.linear(x, weight).add_(mix);
        if (absent is not null) y = y.masked_fill(absent, 0);
        var outShape = input.shape.ToArray();
        outShape[^1] = weight.shape[0];
        return y.reshape(outShape).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Eq. (12), convolutional form (section 4.3): <c>beta + Lambda * x_b + Gamma * rho(x)</c>, where
    /// <c>*</c> is a 2-D convolution with the same kernel size, stride, padding and dilation; the conv of
    /// the set-mean image is broadcast-added to the conv of every element. Outputs of absent elements are 0.
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor mixWeight, Tensor? bias,
        long[] stride, long[] padding, long[] dilation, int dim, long numSets, Tensor? mask)
    {
        CheckParameters(input, weight, mixWeight, bias, 3, "[..., N, ..., {0}, H, W] (a set axis and {0} channels)");
        var layout = SetLayout.Validate(input, dim, numSets, mask, trailingDims: 3);
        using var scope = torch.NewDisposeScope();
        var (x, m, d) = layout.Split(input, mask);
        var absent = m?.logical_not();
        if (absent is not null) x = x.masked_fill(absent, 0);
        var rho = SetKernels.Mean(x, d, m);
        var shape = x.shape;
        long c = shape[^3], h = shape[^2], w = shape[^1];
        var main = nn.functional.conv2d(x.dim() == 4 ? x : x.reshape(-1, c, h, w), weight, null, stride, padding, dilation);
        var mix = nn.functional.conv2d(rho.dim() == 4 ? rho : rho.reshape(-1, c, h, w), mixWeight, bias, stride, padding, dilation);
        Tensor y;
        if (x.dim() == 4)
        {
            // One set along axis 0 of [B, C, H, W]: broadcast-add the [1, C', H', W'] mix term in place into the conv
            // output itself. (An in-place add into a reshaped *view* of it would make autograd rebase the view's
            // history, which clones the whole output gradient in backward.)
            y = main.add_(mix);
        }
        else
        {
            var tail = main.shape.Skip(1).ToArray();
            y = main.reshape(shape.SkipLast(3).Concat(tail).ToArray())
                    .add_(mix.reshape(rho.shape.SkipLast(3).Concat(tail).ToArray()));
        }
        var outTail = y.shape[^3..];
        if (absent is not null) y = y.masked_fill(absent, 0);
        var outShape = input.shape.SkipLast(3).Concat(outTail).ToArray();
        return (y.shape.SequenceEqual(outShape) ? y : y.reshape(outShape)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// True for the fast path of <see cref="Linear"/>: no mask, one set, a non-empty 2-D input <c>[B, in]</c> with the set
    /// on axis 0, and parameters of matching shapes. Uses only <c>dim()</c> and <c>size(i)</c>, which do not allocate;
    /// anything else (including every invalid call) takes the general path, which validates and reports in full.
    /// </summary>
    private static bool IsPlainSet(Tensor input, Tensor weight, Tensor mixWeight, Tensor? bias, int dim, long numSets, Tensor? mask) =>
        mask is null && numSets == 1 && (dim == 0 || dim == -2) && input is not null && input.dim() == 2 && input.size(0) > 0 &&
        weight.dim() == 2 && input.size(1) == weight.size(1) &&
        mixWeight.dim() == 2 && mixWeight.size(0) == weight.size(0) && mixWeight.size(1) == weight.size(1) &&
        (bias is null || (bias.dim() == 1 && bias.size(0) == weight.size(0)));

    /// <summary>Checks Lambda, Gamma and beta against each other and the input's feature axes (the last
    /// <paramref name="featureDims"/> axes, the first of them holding Lambda's input size).</summary>
    private static void CheckParameters(Tensor input, Tensor weight, Tensor mixWeight, Tensor? bias, int featureDims, string layout)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rank = featureDims == 1 ? 2 : 4;
        if (weight.dim() != rank)
            throw new ArgumentException($"Lambda must have {rank} dimensions; got shape {SetLayout.Fmt(weight.shape)}.", nameof(weight));
        if (!mixWeight.shape.SequenceEqual(weight.shape))
            throw new ArgumentException($"Gamma has shape {SetLayout.Fmt(mixWeight.shape)}; expected Lambda's shape {SetLayout.Fmt(weight.shape)}.", nameof(mixWeight));
        if (bias is not null && !bias.shape.SequenceEqual(new[] { weight.shape[0] }))
            throw new ArgumentException($"The bias has shape {SetLayout.Fmt(bias.shape)}; expected [{weight.shape[0]}].", nameof(bias));
        if (input.dim() < featureDims + 1 || input.shape[^featureDims] != weight.shape[1])
            throw new ArgumentException(
                $"The input has shape {SetLayout.Fmt(input.shape)}; expected {string.Format(layout, weight.shape[1])}.", nameof(input));
    }
}
