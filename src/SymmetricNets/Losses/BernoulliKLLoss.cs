using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Losses;

/// <summary>
/// <c>KL(B(u) || B(sigmoid(z)))</c> from logits z and target probabilities u, as a module: see
/// <see cref="LossFunctions.BernoulliKLWithLogits"/> (eq. (3)). <c>forward(logits, target)</c>.
/// </summary>
public sealed class BernoulliKLLoss : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly nn.Reduction reduction;

    /// <summary>Creates the module.</summary>
    /// <param name="reduction">None (elementwise), Mean (default) or Sum.</param>
    public BernoulliKLLoss(nn.Reduction reduction = nn.Reduction.Mean) : base(nameof(BernoulliKLLoss))
    {
        this.reduction = reduction;
        RegisterComponents();
    }

    /// <summary>The reduction applied to the elementwise divergence.</summary>
    public nn.Reduction Reduction => reduction;

    /// <summary>The divergence of <paramref name="target"/> from <c>sigmoid(<paramref name="logits"/>)</c>.</summary>
    /// <param name="logits">Logits z (any shape).</param>
    /// <param name="target">Target probabilities u in [0, 1], same shape.</param>
    /// <returns>Elementwise or reduced divergence.</returns>
    public override Tensor forward(Tensor logits, Tensor target) => LossFunctions.BernoulliKLWithLogits(logits, target, reduction);
}
