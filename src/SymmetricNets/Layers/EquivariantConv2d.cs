using SymmetricNets.Sets;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Layers;

/// <summary>
/// The permutation-equivariant 2-D convolution of section 4.3 (eq. 12 with convolutions):
/// <c>phi(x)_b = beta + Lambda * x_b + Gamma * rho(x)</c>, where <c>*</c> is a convolution and
/// <c>rho(x)</c> the mean image of the set.
/// </summary>
/// <remarks>
/// <para>Input <c>[..., N, ..., C, H, W]</c>, the set axis at <see cref="EquivariantLayer.dim"/> (default 0: a minibatch
/// <c>[B, C, H, W]</c> is the set). Both convolutions share kernel size, stride, padding and dilation (zero
/// padding, one group), so the output is <c>[..., N, ..., out_channels, H', W']</c> as for <c>nn.Conv2d</c>.</para>
/// <para><c>state_dict</c> names: <c>weight</c> = Lambda <c>[out, in, kh, kw]</c> (as in <c>nn.Conv2d</c>),
/// <c>mix_weight</c> = Gamma (same shape), <c>bias</c> = beta <c>[out]</c>.</para>
/// <para>Cost: one convolution of the batch plus one of the single mean image per set, about
/// <c>1 + 1/B</c> times a plain convolution.</para>
/// </remarks>
public sealed class EquivariantConv2d : EquivariantLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inChannels">Channels of each input element.</param>
    /// <param name="outChannels">Channels of each output element.</param>
    /// <param name="kernelSize">Kernel size (height, width).</param>
    /// <param name="stride">Stride (height, width); default (1, 1).</param>
    /// <param name="padding">Zero padding (height, width); default (0, 0).</param>
    /// <param name="dilation">Dilation (height, width); default (1, 1).</param>
    /// <param name="hasBias">Whether the layer learns the bias beta.</param>
    /// <param name="setSize">The expected set size B; enables the init reweighting of section 4.3.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given (default true).</param>
    /// <param name="dim">The set axis (default 0).</param>
    /// <param name="numSets">Split the set axis into this many independent equal sets (paper Fig. 5d).</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public EquivariantConv2d(long inChannels, long outChannels, (long, long) kernelSize, (long, long)? stride = null,
        (long, long)? padding = null, (long, long)? dilation = null, bool hasBias = true, long? setSize = null, bool reweight = true,
        int dim = 0, long numSets = 1, Device? device = null, ScalarType? dtype = null)
        : base(nameof(EquivariantConv2d), WeightShape(inChannels, outChannels, kernelSize), hasBias, setSize, reweight, dim, numSets, device, dtype)
    {
        var s = stride ?? (1, 1); var p = padding ?? (0, 0); var d = dilation ?? (1, 1);
        if (s.Item1 < 1 || s.Item2 < 1) throw new ArgumentException($"stride must be positive; got {s}.", nameof(stride));
        if (p.Item1 < 0 || p.Item2 < 0) throw new ArgumentException($"padding must be non-negative; got {p}.", nameof(padding));
        if (d.Item1 < 1 || d.Item2 < 1) throw new ArgumentException($"dilation must be positive; got {d}.", nameof(dilation));
        in_channels = inChannels;
        out_channels = outChannels;
        kernel_size = new[] { kernelSize.Item1, kernelSize.Item2 };
        this.stride = new[] { s.Item1, s.Item2 };
        this.padding = new[] { p.Item1, p.Item2 };
        this.dilation = new[] { d.Item1, d.Item2 };
        RegisterComponents();
    }

    private static long[] WeightShape(long inChannels, long outChannels, (long, long) kernelSize)
    {
        if (inChannels < 1) throw new ArgumentException($"inChannels must be positive; got {inChannels}.", nameof(inChannels));
        if (outChannels < 1) throw new ArgumentException($"outChannels must be positive; got {outChannels}.", nameof(outChannels));
        if (kernelSize.Item1 < 1 || kernelSize.Item2 < 1) throw new ArgumentException($"kernelSize must be positive; got {kernelSize}.", nameof(kernelSize));
        return new[] { outChannels, inChannels, kernelSize.Item1, kernelSize.Item2 };
    }

    /// <summary>Channels of each input element.</summary>
    public long in_channels { get; }

    /// <summary>Channels of each output element.</summary>
    public long out_channels { get; }

    /// <summary>Kernel size (height, width).</summary>
    public long[] kernel_size { get; }

    /// <summary>Stride (height, width).</summary>
    public long[] stride { get; }

    /// <summary>Zero padding (height, width).</summary>
    public long[] padding { get; }

    /// <summary>Dilation (height, width).</summary>
    public long[] dilation { get; }

    /// <summary>Applies the convolutional eq. (12) to ragged sets: absent elements never influence present ones and their outputs are 0.</summary>
    /// <param name="input">Input <c>[..., N, ..., in_channels, H, W]</c> with the set axis at <see cref="EquivariantLayer.dim"/>.</param>
    /// <param name="mask">Optional boolean mask of shape <c>input.shape[0..dim]</c> (true = present).</param>
    public override Tensor forward(Tensor input, Tensor? mask) =>
        EquivariantOps.Conv2d(input, weight, mix_weight, bias, stride, padding, dilation, dim, num_sets, mask);
}
