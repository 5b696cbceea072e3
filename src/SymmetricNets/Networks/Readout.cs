using SymmetricNets.Reductions;
using SymmetricNets.Sets;
using static TorchSharp.torch;

namespace SymmetricNets.Networks;

/// <summary>
/// How a <see cref="SymmetricNetwork"/> ends, chosen explicitly: reduced to one output per set (a
/// permutation-<i>invariant</i> network; the paper's BGAN, eq. 10 and 13) or left with one output per
/// element (permutation-<i>equivariant</i>; the paper's M-BGAN, whose loss is applied per element, eq. 14).
/// </summary>
public sealed class Readout
{
    private readonly Func<int, long, nn.Module<Tensor, Tensor>>? factory;
    private readonly nn.Module<Tensor, Tensor>? module;

    private Readout(string name, Func<int, long, nn.Module<Tensor, Tensor>>? factory, nn.Module<Tensor, Tensor>? module)
    {
        Name = name;
        this.factory = factory;
        this.module = module;
    }

    /// <summary>A short description (for example <c>mean</c> or <c>per-element</c>).</summary>
    public string Name { get; }

    /// <summary>True for <see cref="PerElement"/>: the network stays equivariant.</summary>
    public bool IsPerElement => factory is null && module is null;

    /// <summary>No reduction: one output per element (M-BGAN).</summary>
    public static Readout PerElement { get; } = new("per-element", null, null);

    /// <summary>The mean over the set (eq. 10, the paper's choice; BGAN).</summary>
    public static Readout Mean { get; } = new("mean", (d, k) => new SetMean(d, false, k), null);

    /// <summary>The sum over the set.</summary>
    public static Readout Sum { get; } = new("sum", (d, k) => new SetSum(d, false, k), null);

    /// <summary>The maximum over the set.</summary>
    public static Readout Max { get; } = new("max", (d, k) => new SetMax(d, false, k), null);

    /// <summary>A reduction module of your own (it must be permutation-invariant and accept a mask).</summary>
    /// <param name="reduction">For example a <see cref="SetMultiReduce"/> or a configured <see cref="SetStd"/>.</param>
    public static Readout With<T>(T reduction) where T : nn.Module<Tensor, Tensor>, IMaskedSetModule
    {
        ArgumentNullException.ThrowIfNull(reduction);
        return new Readout(reduction.GetName(), null, reduction);
    }

    /// <summary>The reduction module for a network with set axis <paramref name="dim"/> and <paramref name="numSets"/> sets, or null for per-element.</summary>
    internal nn.Module<Tensor, Tensor>? Build(int dim, long numSets) => module ?? factory?.Invoke(dim, numSets);
}
