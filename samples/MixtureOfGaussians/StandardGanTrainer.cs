using SymmetricNets.Losses;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// The standard GAN losses (<see cref="LossFunctions.GanDiscriminator"/>, non-saturating
/// <see cref="LossFunctions.GanGenerator"/>) on pure real and pure generated batches. With a plain discriminator this
/// is the standard GAN; with a <see cref="PackedDiscriminator"/>, PacGAN; with a
/// <see cref="MinibatchStdDiscriminator"/>, the minibatch-std GAN.
/// </summary>
public sealed class StandardGanTrainer : GanTrainer
{
    /// <summary>Creates the trainer.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="data">The data set.</param>
    /// <param name="discriminator">The discriminator.</param>
    /// <param name="device">Training device.</param>
    /// <param name="random">Seeded random generator.</param>
    public StandardGanTrainer(SampleOptions options, MixtureDataset data, nn.Module<Tensor, Tensor> discriminator, Device device, Generator random)
        : base(options, data, discriminator, device, random)
    {
    }

    /// <inheritdoc />
    protected override Tensor DiscriminatorLoss(Tensor real, Tensor fake) => LossFunctions.GanDiscriminator(D.call(real), D.call(fake));

    /// <inheritdoc />
    protected override Tensor GeneratorLoss(Tensor real, Tensor fake) => LossFunctions.GanGenerator(D.call(fake));
}
