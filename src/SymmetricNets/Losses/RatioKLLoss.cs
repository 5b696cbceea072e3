using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Losses;

/// <summary>
/// The mixed-batch discriminator loss of eq. (4) as a module, in the BGAN (eq. (13)) or M-BGAN (eq. (14)) order: see
/// <see cref="LossFunctions.RatioKL"/>. <c>forward(logits [N] or [N, 1], target [k])</c>; the number k of sets is the
/// length of the target.
/// </summary>
public sealed class RatioKLLoss : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly LossOrder order;

    /// <summary>Creates the module.</summary>
    /// <param name="order">BGAN (<see cref="LossOrder.ReduceThenLoss"/>) or M-BGAN (<see cref="LossOrder.LossThenReduce"/>).</param>
    public RatioKLLoss(LossOrder order) : base(nameof(RatioKLLoss))
    {
        this.order = order;
        RegisterComponents();
    }

    /// <summary>The order of the set average and the loss.</summary>
    public LossOrder Order => order;

    /// <summary>The loss of the discriminator's logits on a mixed batch of k sets.</summary>
    /// <param name="logits">Per-element logits, <c>[N]</c> or <c>[N, 1]</c> (or per-set <c>[k]</c> for an already reduced BGAN output).</param>
    /// <param name="target">Per-set true ratios, <c>[k]</c>.</param>
    /// <returns>A scalar.</returns>
    public override Tensor forward(Tensor logits, Tensor target) => LossFunctions.RatioKL(logits, target, order);
}
