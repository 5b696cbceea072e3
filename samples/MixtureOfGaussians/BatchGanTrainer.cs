using SymmetricNets.Losses;
using SymmetricNets.Mixing;
using SymmetricNets.Networks;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// BGAN and M-BGAN (paper, sections 3.1 and 4.3). Each discriminator step draws a mixed batch with batch
/// smoothing-gamma (<see cref="MixedBatchSampler"/>, <see cref="BatchSmoothingPrior"/>) and its complement (the
/// samples the first one discarded, "using 1 - beta in the next batch"); the symmetric discriminator predicts the
/// ratio of real samples of each under the Bernoulli KL of eq. (4) (<see cref="LossFunctions.RatioKL"/>), in the order
/// (13) (BGAN, mean readout) or (14) (M-BGAN, per-element readout). The generator minimises the non-saturating
/// <c>-log D</c> of eq. (5) on a fresh mixed batch and its complement (<see cref="LossFunctions.MixedBatchGenerator"/>),
/// so every generated sample receives a gradient. The batch and its complement go through the discriminator in one
/// call, as two independent sets (<c>numSets = 2</c>): the mean of each is taken over its own B elements only.
/// </summary>
public sealed class BatchGanTrainer : GanTrainer
{
    private readonly MixedBatchSampler sampler;
    private readonly LossOrder order;

    /// <summary>Creates the trainer.</summary>
    /// <param name="options">Settings (<see cref="SampleOptions.Gamma"/>).</param>
    /// <param name="data">The data set.</param>
    /// <param name="order"><see cref="LossOrder.ReduceThenLoss"/> (BGAN) or <see cref="LossOrder.LossThenReduce"/> (M-BGAN).</param>
    /// <param name="device">Training device.</param>
    /// <param name="random">Seeded random generator.</param>
    public BatchGanTrainer(SampleOptions options, MixtureDataset data, LossOrder order, Device device, Generator random)
        : base(options, data, NetworkFactory.SymmetricDiscriminator(options, order == LossOrder.ReduceThenLoss ? Readout.Mean : Readout.PerElement, device, numSets: 2), device, random)
    {
        this.order = order;
        sampler = new MixedBatchSampler(new BatchSmoothingPrior(options.Gamma));
    }

    /// <inheritdoc />
    protected override Tensor DiscriminatorLoss(Tensor real, Tensor fake)
    {
        using var batch = sampler.Sample(real, fake, Random, withComplement: true);
        var targets = torch.cat([batch.Target, batch.ComplementTarget!]);
        return LossFunctions.RatioKL(Logits(batch), targets, order);
    }

    /// <inheritdoc />
    protected override Tensor GeneratorLoss(Tensor real, Tensor fake)
    {
        using var batch = sampler.Sample(real, fake, Random, withComplement: true);
        return LossFunctions.MixedBatchGenerator(Logits(batch), order, numSets: 2);
    }

    /// <summary>
    /// The discriminator's logits on the batch and its complement as a vector: <c>[2]</c> for BGAN (each set reduced
    /// by its mean), <c>[2B]</c> for M-BGAN (set 0 = the mixed batch, set 1 = its complement).
    /// </summary>
    private Tensor Logits(MixedBatch batch) => D.call(torch.cat([batch.Mixed, batch.ComplementMixed!])).reshape(-1);
}
