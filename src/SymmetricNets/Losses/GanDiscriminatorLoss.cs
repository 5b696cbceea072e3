using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Losses;

/// <summary>
/// The standard GAN discriminator loss (real labelled 1, fake labelled 0, from logits) as a module: see
/// <see cref="LossFunctions.GanDiscriminator"/>. <c>forward(realLogits, fakeLogits)</c>.
/// </summary>
public sealed class GanDiscriminatorLoss : nn.Module<Tensor, Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    public GanDiscriminatorLoss() : base(nameof(GanDiscriminatorLoss))
    {
        RegisterComponents();
    }

    /// <summary>The loss for logits on real and on generated samples.</summary>
    /// <param name="realLogits">Logits on real samples.</param>
    /// <param name="fakeLogits">Logits on generated samples.</param>
    /// <returns>A scalar.</returns>
    public override Tensor forward(Tensor realLogits, Tensor fakeLogits) => LossFunctions.GanDiscriminator(realLogits, fakeLogits);
}
