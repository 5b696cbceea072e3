using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Losses;

/// <summary>
/// The standard GAN generator loss (non-saturating or saturating, from logits) as a module: see
/// <see cref="LossFunctions.GanGenerator"/>. <c>forward(fakeLogits)</c>.
/// </summary>
public sealed class GanGeneratorLoss : nn.Module<Tensor, Tensor>
{
    private readonly GanGeneratorObjective objective;

    /// <summary>Creates the module.</summary>
    /// <param name="objective">Non-saturating (default) or saturating.</param>
    public GanGeneratorLoss(GanGeneratorObjective objective = GanGeneratorObjective.NonSaturating) : base(nameof(GanGeneratorLoss))
    {
        this.objective = objective;
        RegisterComponents();
    }

    /// <summary>The generator objective.</summary>
    public GanGeneratorObjective Objective => objective;

    /// <summary>The loss for the discriminator's logits on generated samples.</summary>
    /// <param name="fakeLogits">Logits on generated samples.</param>
    /// <returns>A scalar.</returns>
    public override Tensor forward(Tensor fakeLogits) => LossFunctions.GanGenerator(fakeLogits, objective);
}
