using SymmetricNets.Sets;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Layers;

/// <summary>
/// The permutation-equivariant dense layer of eq. (12), before its nonlinearity:
/// <c>phi(x)_b = beta + x_b Lambda + rho(x) Gamma</c>, with <c>rho</c> the mean over the set axis (eq. 11).
/// </summary>
/// <remarks>
/// <para>Input <c>[..., N, ..., in_features]</c>: features last, any leading shape, the set axis at
/// <see cref="EquivariantLayer.dim"/> (default 0: the minibatch is the set, as in the paper). Output: the same shape with
/// <c>out_features</c> last. Permuting the elements of a set permutes the outputs the same way.</para>
/// <para><c>state_dict</c> names: <c>weight</c> = Lambda <c>[out, in]</c> (as in <c>nn.Linear</c>, so a
/// Linear's weight loads into it), <c>mix_weight</c> = Gamma <c>[out, in]</c>, <c>bias</c> = beta
/// <c>[out]</c> (absent when <c>hasBias</c> is false).</para>
/// <para>Initialisation: Lambda, Gamma and beta as <c>nn.Linear</c> initialises its weight and bias; then,
/// when a set size B is given and <c>reweight</c> is true (the default), the reweighting of section 4.3
/// (<see cref="InitReweighting"/>).</para>
/// </remarks>
public sealed class EquivariantLinear : EquivariantLayer
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inFeatures">Features of each input element.</param>
    /// <param name="outFeatures">Features of each output element.</param>
    /// <param name="hasBias">Whether the layer learns the bias beta.</param>
    /// <param name="setSize">The expected set size B; enables the init reweighting of section 4.3.</param>
    /// <param name="reweight">Apply the reweighting when <paramref name="setSize"/> is given (default true).</param>
    /// <param name="dim">The set axis (default 0).</param>
    /// <param name="numSets">Split the set axis into this many independent equal sets (paper Fig. 5d).</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="dtype">Floating-point type of the parameters.</param>
    public EquivariantLinear(long inFeatures, long outFeatures, bool hasBias = true, long? setSize = null, bool reweight = true,
        int dim = 0, long numSets = 1, Device? device = null, ScalarType? dtype = null)
        : base(nameof(EquivariantLinear), new[] { Positive(outFeatures, nameof(outFeatures)), Positive(inFeatures, nameof(inFeatures)) },
               hasBias, setSize, reweight, dim, numSets, device, dtype)
    {
        in_features = inFeatures;
        out_features = outFeatures;
        RegisterComponents();
    }

    private static long Positive(long v, string name) =>
        v >= 1 ? v : throw new ArgumentException($"{name} must be positive; got {v}.", name);

    /// <summary>Features of each input element.</summary>
    public long in_features { get; }

    /// <summary>Features of each output element.</summary>
    public long out_features { get; }

    /// <summary>Applies eq. (12) to ragged sets: absent elements never influence present ones and their outputs are 0.</summary>
    /// <param name="input">Input <c>[..., N, ..., in_features]</c> with the set axis at <see cref="EquivariantLayer.dim"/>.</param>
    /// <param name="mask">Optional boolean mask of shape <c>input.shape[0..dim]</c> (true = present).</param>
    public override Tensor forward(Tensor input, Tensor? mask) => EquivariantOps.Linear(input, weight, mix_weight, bias, dim, num_sets, mask);
}
