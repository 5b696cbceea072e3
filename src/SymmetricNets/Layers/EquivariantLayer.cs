using SymmetricNets.Sets;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace SymmetricNets.Layers;

/// <summary>
/// What the equivariant layers of eq. (12) share: the parameters Lambda (<c>weight</c>), Gamma
/// (<c>mix_weight</c>) and beta (<c>bias</c>), their default initialisation and the section 4.3
/// reweighting, the set axis and the number of sets.
/// </summary>
public abstract class EquivariantLayer : nn.Module<Tensor, Tensor>, IMaskedSetModule
{
    [ComponentName(Name = "weight")] private Parameter _weight;
    [ComponentName(Name = "mix_weight")] private Parameter _mix_weight;
    [ComponentName(Name = "bias")] private Parameter? _bias;

    /// <summary>Creates Lambda and Gamma of <paramref name="weightShape"/> and beta of size <c>weightShape[0]</c>,
    /// initialises them as PyTorch's Linear/Conv2d do, then reweights them for <paramref name="setSize"/> (section 4.3).</summary>
    /// <param name="name">The module name.</param>
    /// <param name="weightShape">Shape of Lambda and Gamma, output features first.</param>
    /// <param name="hasBias">Whether beta exists.</param>
    /// <param name="setSize">The expected set size B, or null for no reweighting.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given.</param>
    /// <param name="dim">The set axis.</param>
    /// <param name="numSets">Number of equal sets along the set axis.</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    protected EquivariantLayer(string name, long[] weightShape, bool hasBias, long? setSize, bool reweight, int dim, long numSets,
        Device? device, ScalarType? dtype) : base(name)
    {
        if (numSets < 1) throw new ArgumentException($"numSets must be at least 1; got {numSets}.", nameof(numSets));
        if (setSize is < 1) throw new ArgumentException($"setSize must be at least 1; got {setSize}.", nameof(setSize));
        this.dim = dim;
        num_sets = numSets;
        set_size = setSize;
        _weight = new Parameter(torch.empty(weightShape, dtype, device));
        _mix_weight = new Parameter(torch.empty(weightShape, dtype, device));
        _bias = hasBias ? new Parameter(torch.empty(new[] { weightShape[0] }, dtype, device)) : null;
        InitReweighting.DefaultInit(_weight, _bias);
        InitReweighting.DefaultInit(_mix_weight, null);
        if (setSize is long b && reweight) InitReweighting.Apply(_weight, _mix_weight, b);
    }

    /// <summary>The set axis.</summary>
    public int dim { get; }

    /// <summary>The number of independent equal sets the set axis is split into.</summary>
    public long num_sets { get; }

    /// <summary>The set size B the initialisation was reweighted for, if any.</summary>
    public long? set_size { get; }

    /// <summary>Lambda: the weight applied to each element on its own (<c>state_dict</c> name <c>weight</c>).</summary>
    public Parameter weight
    {
        get => _weight;
        set { ArgumentNullException.ThrowIfNull(value); _weight = value; ConditionallyRegisterParameter(nameof(weight), value); }
    }

    /// <summary>Gamma: the weight applied to the set mean (<c>state_dict</c> name <c>mix_weight</c>).</summary>
    public Parameter mix_weight
    {
        get => _mix_weight;
        set { ArgumentNullException.ThrowIfNull(value); _mix_weight = value; ConditionallyRegisterParameter(nameof(mix_weight), value); }
    }

    /// <summary>beta, or null when the layer has no bias (<c>state_dict</c> name <c>bias</c>).</summary>
    public Parameter? bias
    {
        get => _bias;
        set { _bias = value; ConditionallyRegisterParameter(nameof(bias), value); }
    }

    /// <summary>Applies the layer with every element present.</summary>
    /// <param name="input">The input, with the set axis at <see cref="dim"/>.</param>
    public override Tensor forward(Tensor input) => forward(input, null);

    /// <summary>Applies the layer to ragged sets: absent elements never influence present ones and their outputs are 0.</summary>
    /// <param name="input">The input, with the set axis at <see cref="dim"/>.</param>
    /// <param name="mask">Optional boolean mask of shape <c>input.shape[0..dim]</c> (true = present).</param>
    public abstract Tensor forward(Tensor input, Tensor? mask);
}
