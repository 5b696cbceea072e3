using SymmetricNets.Layers;
using SymmetricNets.Networks;
using SymmetricNets.Reductions;
using SymmetricNets.Sets;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets;

/// <summary>
/// Factories in the TorchSharp manner: <c>sym.EquivariantLinear(...)</c> is to SymmetricNets what
/// <c>torch.nn.Linear(...)</c> is to TorchSharp. Functions live in <see cref="functional"/>.
/// </summary>
public static partial class sym
{
    /// <summary>The equivariant dense layer of eq. (12); see <see cref="Layers.EquivariantLinear"/>.</summary>
    /// <param name="inFeatures">Features of each input element.</param>
    /// <param name="outFeatures">Features of each output element.</param>
    /// <param name="hasBias">Whether the layer learns a bias.</param>
    /// <param name="setSize">Expected set size B, enabling the init reweighting of section 4.3.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Number of independent equal sets along the set axis.</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public static EquivariantLinear EquivariantLinear(long inFeatures, long outFeatures, bool hasBias = true, long? setSize = null,
        bool reweight = true, int dim = 0, long numSets = 1, Device? device = null, ScalarType? dtype = null) =>
        new(inFeatures, outFeatures, hasBias, setSize, reweight, dim, numSets, device, dtype);

    /// <summary>The equivariant 2-D convolution (section 4.3) with a square kernel; see <see cref="Layers.EquivariantConv2d"/>.</summary>
    /// <param name="inChannels">Channels of each input element.</param>
    /// <param name="outChannels">Channels of each output element.</param>
    /// <param name="kernelSize">Kernel size.</param>
    /// <param name="stride">Stride.</param>
    /// <param name="padding">Zero padding.</param>
    /// <param name="dilation">Dilation.</param>
    /// <param name="hasBias">Whether the layer learns a bias.</param>
    /// <param name="setSize">Expected set size B, enabling the init reweighting of section 4.3.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Number of independent equal sets along the set axis.</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public static EquivariantConv2d EquivariantConv2d(long inChannels, long outChannels, long kernelSize, long stride = 1, long padding = 0,
        long dilation = 1, bool hasBias = true, long? setSize = null, bool reweight = true, int dim = 0, long numSets = 1,
        Device? device = null, ScalarType? dtype = null) =>
        new(inChannels, outChannels, (kernelSize, kernelSize), (stride, stride), (padding, padding), (dilation, dilation),
            hasBias, setSize, reweight, dim, numSets, device, dtype);

    /// <summary>The equivariant 2-D convolution with per-axis sizes; see <see cref="Layers.EquivariantConv2d"/>.</summary>
    /// <param name="inChannels">Channels of each input element.</param>
    /// <param name="outChannels">Channels of each output element.</param>
    /// <param name="kernelSize">Kernel size (height, width).</param>
    /// <param name="stride">Stride (height, width).</param>
    /// <param name="padding">Zero padding (height, width).</param>
    /// <param name="dilation">Dilation (height, width).</param>
    /// <param name="hasBias">Whether the layer learns a bias.</param>
    /// <param name="setSize">Expected set size B, enabling the init reweighting of section 4.3.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Number of independent equal sets along the set axis.</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public static EquivariantConv2d EquivariantConv2d(long inChannels, long outChannels, (long, long) kernelSize, (long, long)? stride = null,
        (long, long)? padding = null, (long, long)? dilation = null, bool hasBias = true, long? setSize = null, bool reweight = true,
        int dim = 0, long numSets = 1, Device? device = null, ScalarType? dtype = null) =>
        new(inChannels, outChannels, kernelSize, stride, padding, dilation, hasBias, setSize, reweight, dim, numSets, device, dtype);

    /// <summary>Mean over the set (eq. 11); see <see cref="Reductions.SetReduction"/> for shapes.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's axis with size 1.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    public static SetMean SetMean(int dim = 0, bool keepdim = false, long numSets = 1) => new(dim, keepdim, numSets);

    /// <summary>Sum over the set.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's axis with size 1.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    public static SetSum SetSum(int dim = 0, bool keepdim = false, long numSets = 1) => new(dim, keepdim, numSets);

    /// <summary>Maximum over the set.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's axis with size 1.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    public static SetMax SetMax(int dim = 0, bool keepdim = false, long numSets = 1) => new(dim, keepdim, numSets);

    /// <summary>Minimum over the set.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's axis with size 1.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    public static SetMin SetMin(int dim = 0, bool keepdim = false, long numSets = 1) => new(dim, keepdim, numSets);

    /// <summary>Population variance over the set (two-pass).</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's axis with size 1.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    public static SetVar SetVar(int dim = 0, bool keepdim = false, long numSets = 1) => new(dim, keepdim, numSets);

    /// <summary>Standard deviation <c>sqrt(var + eps)</c> over the set.</summary>
    /// <param name="dim">The set axis.</param>
    /// <param name="keepdim">Keep a single set's axis with size 1.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    /// <param name="eps">Added to the variance inside the square root.</param>
    public static SetStd SetStd(int dim = 0, bool keepdim = false, long numSets = 1, double eps = 1e-8) => new(dim, keepdim, numSets, eps);

    /// <summary>Several reductions concatenated along a feature axis.</summary>
    /// <param name="reductions">The reductions.</param>
    /// <param name="catDim">The output axis to concatenate along.</param>
    public static SetMultiReduce SetMultiReduce(IEnumerable<SetReduction> reductions, int catDim = -1) => new(reductions, catDim);

    /// <summary>A symmetric network from layers and an explicit readout (eq. 10); see <see cref="Networks.SymmetricNetwork"/>.</summary>
    /// <param name="layers">Equivariant layers and element-wise modules.</param>
    /// <param name="readout"><see cref="Readout.Mean"/> (invariant, BGAN) or <see cref="Readout.PerElement"/> (M-BGAN), among others.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    public static SymmetricNetwork SymmetricNetwork(IEnumerable<nn.Module<Tensor, Tensor>> layers, Readout readout, int dim = 0, long numSets = 1) =>
        new(layers, readout, dim, numSets);

    /// <summary>A symmetric multilayer perceptron; see <see cref="Networks.SymmetricNetwork.MLP"/>.</summary>
    /// <param name="inFeatures">Features of each input element.</param>
    /// <param name="hidden">Hidden widths.</param>
    /// <param name="outFeatures">Output features.</param>
    /// <param name="readout">How the network ends.</param>
    /// <param name="activation">Creates the nonlinearity between layers (default ReLU).</param>
    /// <param name="setSize">Expected set size B for the init reweighting.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public static SymmetricNetwork SymmetricMLP(long inFeatures, IReadOnlyList<long> hidden, long outFeatures, Readout readout,
        Func<nn.Module<Tensor, Tensor>>? activation = null, long? setSize = null, bool reweight = true, int dim = 0, long numSets = 1,
        Device? device = null, ScalarType? dtype = null) =>
        Networks.SymmetricNetwork.MLP(inFeatures, hidden, outFeatures, readout, activation, setSize, reweight, dim, numSets, device, dtype);

    /// <summary>The equivariant version of a <c>Sequential</c>; see <see cref="Symmetrizer.Symmetrize"/>.</summary>
    /// <param name="model">The model to convert.</param>
    /// <param name="readout">How the converted network ends.</param>
    /// <param name="setSize">Expected set size B for the reweighting.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Number of independent equal sets.</param>
    public static SymmetricNetwork Symmetrize(Sequential model, Readout readout, long? setSize = null, bool reweight = true, int dim = 0, long numSets = 1) =>
        Symmetrizer.Symmetrize(model, readout, setSize, reweight, dim, numSets);

    /// <summary>Functions over sets, named in PyTorch's snake_case.</summary>
    public static partial class functional
    {
        /// <summary>Mean over the present elements of each set (eq. 11); an empty set gives 0.</summary>
        /// <param name="input">The input tensor.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="keepdim">Keep a single set's axis with size 1.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        public static Tensor set_mean(Tensor input, int dim = 0, Tensor? mask = null, bool keepdim = false, long numSets = 1) =>
            SetKernels.Apply(input, dim, mask, keepdim, numSets, SetKernels.Mean);

        /// <summary>Sum over the present elements of each set.</summary>
        /// <param name="input">The input tensor.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="keepdim">Keep a single set's axis with size 1.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        public static Tensor set_sum(Tensor input, int dim = 0, Tensor? mask = null, bool keepdim = false, long numSets = 1) =>
            SetKernels.Apply(input, dim, mask, keepdim, numSets, SetKernels.Sum);

        /// <summary>Maximum over the present elements of each set; an empty set gives 0.</summary>
        /// <param name="input">The input tensor.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="keepdim">Keep a single set's axis with size 1.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        public static Tensor set_max(Tensor input, int dim = 0, Tensor? mask = null, bool keepdim = false, long numSets = 1) =>
            SetKernels.Apply(input, dim, mask, keepdim, numSets, SetKernels.Max);

        /// <summary>Minimum over the present elements of each set; an empty set gives 0.</summary>
        /// <param name="input">The input tensor.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="keepdim">Keep a single set's axis with size 1.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        public static Tensor set_min(Tensor input, int dim = 0, Tensor? mask = null, bool keepdim = false, long numSets = 1) =>
            SetKernels.Apply(input, dim, mask, keepdim, numSets, SetKernels.Min);

        /// <summary>Population variance (two-pass) over the present elements of each set; an empty set gives 0.</summary>
        /// <param name="input">The input tensor.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="keepdim">Keep a single set's axis with size 1.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        public static Tensor set_var(Tensor input, int dim = 0, Tensor? mask = null, bool keepdim = false, long numSets = 1) =>
            SetKernels.Apply(input, dim, mask, keepdim, numSets, SetKernels.Var);

        /// <summary><c>sqrt(var + eps)</c> over the present elements of each set (finite gradient at zero variance).</summary>
        /// <param name="input">The input tensor.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="keepdim">Keep a single set's axis with size 1.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        /// <param name="eps">Added to the variance inside the square root (positive).</param>
        public static Tensor set_std(Tensor input, int dim = 0, Tensor? mask = null, bool keepdim = false, long numSets = 1, double eps = 1e-8)
        {
            if (!(eps > 0)) throw new ArgumentException($"eps must be positive; got {eps}.", nameof(eps));
            return SetKernels.Apply(input, dim, mask, keepdim, numSets, (x, d, m) => SetKernels.Std(x, d, m, eps));
        }

        /// <summary>The equivariant dense layer of eq. (12) with explicit parameters (before the nonlinearity).</summary>
        /// <param name="input">Input <c>[..., N, ..., in]</c>.</param>
        /// <param name="weight">Lambda <c>[out, in]</c>.</param>
        /// <param name="mixWeight">Gamma <c>[out, in]</c>.</param>
        /// <param name="bias">beta <c>[out]</c>, or null.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        public static Tensor equivariant_linear(Tensor input, Tensor weight, Tensor mixWeight, Tensor? bias = null, int dim = 0,
            Tensor? mask = null, long numSets = 1) =>
            EquivariantOps.Linear(input, weight, mixWeight, bias, dim, numSets, mask);

        /// <summary>The equivariant 2-D convolution (eq. 12, section 4.3) with explicit parameters.</summary>
        /// <param name="input">Input <c>[..., N, ..., C, H, W]</c>.</param>
        /// <param name="weight">Lambda <c>[out, C, kh, kw]</c>.</param>
        /// <param name="mixWeight">Gamma, Lambda's shape.</param>
        /// <param name="bias">beta <c>[out]</c>, or null.</param>
        /// <param name="stride">Stride (height, width); default 1.</param>
        /// <param name="padding">Zero padding (height, width); default 0.</param>
        /// <param name="dilation">Dilation (height, width); default 1.</param>
        /// <param name="dim">The set axis.</param>
        /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
        /// <param name="numSets">Number of independent equal sets.</param>
        public static Tensor equivariant_conv2d(Tensor input, Tensor weight, Tensor mixWeight, Tensor? bias = null, long[]? stride = null,
            long[]? padding = null, long[]? dilation = null, int dim = 0, Tensor? mask = null, long numSets = 1) =>
            EquivariantOps.Conv2d(input, weight, mixWeight, bias, stride ?? new long[] { 1, 1 }, padding ?? new long[] { 0, 0 },
                dilation ?? new long[] { 1, 1 }, dim, numSets, mask);
    }
}
