using SymmetricNets.Losses;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// Mixup GAN (Zhang et al., 2017, as compared in Fig. 3 of the paper). Real sample <c>x_i</c> and generated sample
/// <c>x~_i</c> are paired; with <c>l_i, l'_i ~ Uniform(0, m)</c> drawn per sample, the discriminator sees
/// <c>(1 - l_i) x_i + l_i x~_i</c> with soft label <c>1 - l_i</c> and <c>l'_i x_i + (1 - l'_i) x~_i</c> with label
/// <c>l'_i</c>, under the Bernoulli KL (cross-entropy up to a constant). m = 0 is the standard GAN. The generator keeps
/// the standard non-saturating loss on unmixed samples.
/// </summary>
public sealed class MixupGanTrainer : GanTrainer
{
    /// <summary>Creates the trainer.</summary>
    /// <param name="options">Settings (<see cref="SampleOptions.MixupMax"/> is m).</param>
    /// <param name="data">The data set.</param>
    /// <param name="device">Training device.</param>
    /// <param name="random">Seeded random generator.</param>
    public MixupGanTrainer(SampleOptions options, MixtureDataset data, Device device, Generator random)
        : base(options, data, NetworkFactory.Discriminator(options, 2, device), device, random)
    {
    }

    /// <inheritdoc />
    protected override Tensor DiscriminatorLoss(Tensor real, Tensor fake)
    {
        long n = real.shape[0];
        var l = torch.rand([n, 1], dtype: ScalarType.Float32, device: Device, generator: Random) * Options.MixupMax;
        var l2 = torch.rand([n, 1], dtype: ScalarType.Float32, device: Device, generator: Random) * Options.MixupMax;
        var mostlyReal = (1 - l) * real + l * fake;
        var mostlyFake = l2 * real + (1 - l2) * fake;
        var lossReal = LossFunctions.BernoulliKLWithLogits(D.call(mostlyReal), 1 - l);
        var lossFake = LossFunctions.BernoulliKLWithLogits(D.call(mostlyFake), l2);
        return lossReal + lossFake;
    }

    /// <inheritdoc />
    protected override Tensor GeneratorLoss(Tensor real, Tensor fake) => LossFunctions.GanGenerator(D.call(fake));
}
