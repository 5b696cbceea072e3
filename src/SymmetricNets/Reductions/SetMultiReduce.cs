using SymmetricNets.Sets;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Reductions;

/// <summary>
/// Several invariant reductions at once, concatenated along a feature axis of their outputs (for example
/// mean, std and max of every feature: <c>[B, F] -&gt; [3F]</c>).
/// </summary>
public sealed class SetMultiReduce : nn.Module<Tensor, Tensor>, IMaskedSetModule
{
    private readonly ModuleList<SetReduction> reductions;

    /// <summary>Creates the concatenation of <paramref name="reductions"/>.</summary>
    /// <param name="reductions">The reductions, applied in order; they should share the set axis, keepdim and number of sets.</param>
    /// <param name="catDim">The axis of the reduced outputs to concatenate along (default: the last, the features).</param>
    public SetMultiReduce(IEnumerable<SetReduction> reductions, int catDim = -1) : base(nameof(SetMultiReduce))
    {
        ArgumentNullException.ThrowIfNull(reductions);
        var list = reductions.ToArray();
        if (list.Length == 0) throw new ArgumentException("At least one reduction is needed.", nameof(reductions));
        this.reductions = new ModuleList<SetReduction>(list);
        cat_dim = catDim;
        RegisterComponents();
    }

    /// <summary>The output axis the reductions are concatenated along.</summary>
    public int cat_dim { get; }

    /// <summary>The reductions, in concatenation order.</summary>
    public IReadOnlyList<SetReduction> Reductions => reductions.ToArray();

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => forward(input, null);

    /// <summary>Applies every reduction and concatenates the results along <see cref="cat_dim"/>.</summary>
    /// <param name="input">The input tensor.</param>
    /// <param name="mask">Optional boolean presence mask of shape <c>input.shape[0..dim]</c>.</param>
    public Tensor forward(Tensor input, Tensor? mask)
    {
        using var scope = torch.NewDisposeScope();
        var parts = reductions.Select(r => r.forward(input, mask)).ToArray();
        return torch.cat(parts, cat_dim).MoveToOuterDisposeScope();
    }
}
