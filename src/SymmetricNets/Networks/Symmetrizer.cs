using SymmetricNets.Layers;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Networks;

/// <summary>
/// Turns an existing TorchSharp <c>Sequential</c> of <c>Linear</c> / <c>Conv2d</c> / element-wise modules
/// into its permutation-equivariant version (Fig. 1 of the paper: every layer gains a set-mean term).
/// </summary>
public static class Symmetrizer
{
    /// <summary>Type names of TorchSharp modules that act on each element independently and are kept as they are.</summary>
    private static readonly HashSet<string> ElementWise = new(StringComparer.Ordinal)
    {
        "ReLU", "ReLU6", "LeakyReLU", "PReLU", "RReLU", "ELU", "SELU", "CELU", "GELU", "SiLU", "Mish", "Sigmoid",
        "Tanh", "Softplus", "Softsign", "Hardtanh", "Hardsigmoid", "Hardswish", "Hardshrink", "Softshrink",
        "Tanhshrink", "LogSigmoid", "Threshold", "Identity", "Dropout", "AlphaDropout",
    };

    /// <summary>
    /// Converts <paramref name="model"/>: each <c>Linear</c> becomes an <see cref="EquivariantLinear"/> and each
    /// <c>Conv2d</c> an <see cref="EquivariantConv2d"/> whose Lambda is a copy of the original weight (scaled by
    /// <c>B/(B+1)</c> when <paramref name="setSize"/> is given and <paramref name="reweight"/> is true) and whose
    /// bias is a copy of the original bias; Gamma gets the default initialisation, scaled by <c>1/(B+1)</c> under
    /// reweighting (section 4.3). Element-wise modules (activations, dropout, identity) are reused as they are;
    /// nested <c>Sequential</c>s are flattened. The original model is not modified.
    /// </summary>
    /// <param name="model">The model to convert.</param>
    /// <param name="readout">How the converted network ends (<see cref="Readout.PerElement"/> keeps one output per element).</param>
    /// <param name="setSize">The expected set size B for the reweighting.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis of the converted network.</param>
    /// <param name="numSets">Split the set axis into this many independent equal sets.</param>
    /// <exception cref="NotSupportedException">A module that cannot be converted (for example BatchNorm, which mixes
    /// elements in a way that is not of the form of eq. 12, or a grouped or non-zero-padded convolution); the
    /// message names it.</exception>
    public static SymmetricNetwork Symmetrize(Sequential model, Readout readout, long? setSize = null, bool reweight = true,
        int dim = 0, long numSets = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(readout);
        var converted = new List<nn.Module<Tensor, Tensor>>();
        Convert(model, "", converted, setSize, reweight, dim, numSets);
        return new SymmetricNetwork(converted, readout, dim, numSets);
    }

    private static void Convert(Sequential seq, string prefix, List<nn.Module<Tensor, Tensor>> output,
        long? setSize, bool reweight, int dim, long numSets)
    {
        foreach (var (name, child) in seq.named_children())
        {
            var path = prefix + name;
            switch (child)
            {
                case Sequential inner:
                    Convert(inner, path + ".", output, setSize, reweight, dim, numSets);
                    break;
                case Linear linear:
                    output.Add(FromLinear(linear, setSize, reweight, dim, numSets));
                    break;
                case Conv2d conv:
                    output.Add(FromConv2d(conv, path, setSize, reweight, dim, numSets));
                    break;
                case nn.Module<Tensor, Tensor> m when ElementWise.Contains(child.GetType().Name):
                    output.Add(m);
                    break;
                default:
                    throw new NotSupportedException(
                        $"Cannot symmetrize module '{path}' of type {child.GetType().Name}: only Linear, Conv2d and element-wise modules " +
                        $"({string.Join(", ", ElementWise.OrderBy(s => s))}) can be converted.");
            }
        }
    }

    private static EquivariantLinear FromLinear(Linear linear, long? setSize, bool reweight, int dim, long numSets)
    {
        var w = linear.weight!;
        var eq = new EquivariantLinear(linear.in_features, linear.out_features, linear.bias is not null, setSize, reweight, dim, numSets,
            w.device, w.dtype);
        CopyWeights(w, linear.bias, eq.weight, eq.bias, setSize, reweight);
        return eq;
    }

    private static EquivariantConv2d FromConv2d(Conv2d conv, string path, long? setSize, bool reweight, int dim, long numSets)
    {
        if (conv.groups != 1)
            throw new NotSupportedException($"Cannot symmetrize module '{path}' (Conv2d): groups = {conv.groups}; only 1 is supported.");
        if (conv.padding_mode != PaddingModes.Zeros)
            throw new NotSupportedException($"Cannot symmetrize module '{path}' (Conv2d): padding mode {conv.padding_mode}; only zero padding is supported.");
        var k = conv.kernel_size; var s = conv.stride; var d = conv.dilation;
        long[] p;
        if (conv.padding_type is Padding type)
        {
            if (type == Padding.Valid) p = new long[] { 0, 0 };
            else if (s.All(v => v == 1) && d[0] * (k[0] - 1) % 2 == 0 && d[1] * (k[1] - 1) % 2 == 0)
                p = new[] { d[0] * (k[0] - 1) / 2, d[1] * (k[1] - 1) / 2 };
            else
                throw new NotSupportedException($"Cannot symmetrize module '{path}' (Conv2d): 'same' padding that is not symmetric.");
        }
        else p = conv.padding ?? new long[] { 0, 0 };
        var w = conv.weight!;
        var eq = new EquivariantConv2d(conv.in_channels, conv.out_channels, (k[0], k[1]), (s[0], s[1]), (p[0], p[1]), (d[0], d[1]),
            conv.bias is not null, setSize, reweight, dim, numSets, w.device, w.dtype);
        CopyWeights(w, conv.bias, eq.weight, eq.bias, setSize, reweight);
        return eq;
    }

    private static void CopyWeights(Tensor weight, Tensor? bias, Parameter lambda, Parameter? beta, long? setSize, bool reweight)
    {
        double scale = setSize is long b && reweight ? InitReweighting.Scales(b).lambdaScale : 1.0;
        using var _ = torch.no_grad();
        lambda.copy_(weight).mul_(scale);
        if (bias is not null) beta!.copy_(bias);
    }
}
