using SymmetricNets.Layers;
using SymmetricNets.Sets;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Networks;

/// <summary>
/// A stack of permutation-equivariant layers closed by an explicit <see cref="Readout"/> (eq. 10):
/// <c>f(x) = reduce(phi_p o ... o phi_0 (x))</c>, or the per-element outputs when the readout is
/// <see cref="Readout.PerElement"/>.
/// </summary>
/// <remarks>
/// Layers that implement <see cref="IMaskedSetModule"/> receive the mask; any other layer (activations,
/// dropout) must act on each element independently, which keeps the stack equivariant. <c>state_dict</c>
/// names: <c>layers.{i}.weight</c>, <c>layers.{i}.mix_weight</c>, <c>layers.{i}.bias</c> (i counts
/// activations too), and <c>readout.*</c> for a reduction with parameters.
/// </remarks>
public sealed class SymmetricNetwork : nn.Module<Tensor, Tensor>, IMaskedSetModule
{
    private readonly ModuleList<nn.Module<Tensor, Tensor>> layers;
    private readonly nn.Module<Tensor, Tensor>? readout;

    /// <summary>Creates the network from its layers and its readout.</summary>
    /// <param name="layers">Equivariant layers and element-wise modules, applied in order.</param>
    /// <param name="readout">How the network ends: <see cref="Readout.Mean"/> (BGAN) or <see cref="Readout.PerElement"/> (M-BGAN), among others.</param>
    /// <param name="dim">The set axis, used to build a named readout such as <see cref="Readout.Mean"/>.</param>
    /// <param name="numSets">The number of equal sets, used to build a named readout.</param>
    public SymmetricNetwork(IEnumerable<nn.Module<Tensor, Tensor>> layers, Readout readout, int dim = 0, long numSets = 1)
        : base(nameof(SymmetricNetwork))
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(readout);
        var list = layers.ToArray();
        if (list.Length == 0) throw new ArgumentException("A symmetric network needs at least one layer.", nameof(layers));
        this.layers = new ModuleList<nn.Module<Tensor, Tensor>>(list);
        this.readout = readout.Build(dim, numSets);
        Readout = readout;
        RegisterComponents();
    }

    /// <summary>The readout this network was built with.</summary>
    public Readout Readout { get; }

    /// <summary>True when the network reduces each set to one output (permutation-invariant).</summary>
    public bool IsInvariant => readout is not null;

    /// <summary>The layers, in order.</summary>
    public IReadOnlyList<nn.Module<Tensor, Tensor>> Layers => layers.ToArray();

    /// <summary>
    /// A symmetric multilayer perceptron: equivariant dense layers <c>in -&gt; hidden[0] -&gt; ... -&gt; out</c>
    /// with <paramref name="activation"/> between them (none after the last, as in Theorem 1), closed by
    /// <paramref name="readout"/>.
    /// </summary>
    /// <param name="inFeatures">Features of each input element.</param>
    /// <param name="hidden">Widths of the hidden layers (may be empty).</param>
    /// <param name="outFeatures">Features of each output (1 for a discriminator logit).</param>
    /// <param name="readout">How the network ends (explicit: invariant or per element).</param>
    /// <param name="activation">Creates the nonlinearity mu between layers (default ReLU).</param>
    /// <param name="setSize">The expected set size B for the init reweighting of section 4.3.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Split the set axis into this many independent equal sets.</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public static SymmetricNetwork MLP(long inFeatures, IReadOnlyList<long> hidden, long outFeatures, Readout readout,
        Func<nn.Module<Tensor, Tensor>>? activation = null, long? setSize = null, bool reweight = true,
        int dim = 0, long numSets = 1, Device? device = null, ScalarType? dtype = null)
    {
        ArgumentNullException.ThrowIfNull(hidden);
        activation ??= () => nn.ReLU();
        var widths = new[] { inFeatures }.Concat(hidden).Append(outFeatures).ToArray();
        var modules = new List<nn.Module<Tensor, Tensor>>();
        for (int i = 0; i + 1 < widths.Length; i++)
        {
            if (i > 0) modules.Add(activation());
            modules.Add(new EquivariantLinear(widths[i], widths[i + 1], true, setSize, reweight, dim, numSets, device, dtype));
        }
        return new SymmetricNetwork(modules, readout, dim, numSets);
    }

    /// <summary>Applies the network with every element present.</summary>
    /// <param name="input">The input set(s).</param>
    public override Tensor forward(Tensor input) => forward(input, null);

    /// <summary>Eq. (10): the equivariant layers, then the readout; absent elements never influence the result.</summary>
    /// <param name="input">The input set(s).</param>
    /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
    public Tensor forward(Tensor input, Tensor? mask)
    {
        using var scope = torch.NewDisposeScope();
        var x = input;
        foreach (var layer in layers)
            x = layer is IMaskedSetModule set ? set.forward(x, mask) : layer.call(x);
        if (readout is not null)
            x = readout is IMaskedSetModule set ? set.forward(x, mask) : readout.call(x);
        return x.MoveToOuterDisposeScope();
    }
}
