using SymmetricNets.Losses;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>Builds the <see cref="GanTrainer"/> of a <see cref="GanMethod"/>.</summary>
public static class TrainerFactory
{
    /// <summary>Creates the trainer; the networks' initial weights come from torch's global seed, set by the caller.</summary>
    /// <param name="method">The method.</param>
    /// <param name="options">Settings.</param>
    /// <param name="data">The data set.</param>
    /// <param name="device">Training device.</param>
    /// <param name="random">Seeded random generator for data, latents and mixing.</param>
    public static GanTrainer Create(GanMethod method, SampleOptions options, MixtureDataset data, Device device, Generator random) => method switch
    {
        GanMethod.Gan => new StandardGanTrainer(options, data, NetworkFactory.Discriminator(options, 2, device), device, random),
        GanMethod.Mixup => new MixupGanTrainer(options, data, device, random),
        GanMethod.Bgan => new BatchGanTrainer(options, data, LossOrder.ReduceThenLoss, device, random),
        GanMethod.MBgan => new BatchGanTrainer(options, data, LossOrder.LossThenReduce, device, random),
        GanMethod.PacGan => new StandardGanTrainer(options, data, new PackedDiscriminator(options, device), device, random),
        GanMethod.MinibatchStd => new StandardGanTrainer(options, data, new MinibatchStdDiscriminator(options, device), device, random),
        _ => throw new ArgumentException($"Unknown method {method}."),
    };
}
