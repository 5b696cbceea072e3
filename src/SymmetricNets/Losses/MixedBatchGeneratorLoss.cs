using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Losses;

/// <summary>
/// The non-saturating generator loss on mixed batches, eq. (5), as a module: see
/// <see cref="LossFunctions.MixedBatchGenerator"/>. The generator minimises <c>-log D(mixed batch)</c> (it wants its
/// samples judged real). <c>forward(logits [N] or [N, 1])</c>.
/// </summary>
public sealed class MixedBatchGeneratorLoss : nn.Module<Tensor, Tensor>
{
    private readonly LossOrder order;
    private readonly int numSets;

    /// <summary>Creates the module.</summary>
    /// <param name="order">BGAN (<see cref="LossOrder.ReduceThenLoss"/>) or M-BGAN (<see cref="LossOrder.LossThenReduce"/>).</param>
    /// <param name="numSets">The number k of sets the mixed batch is split into.</param>
    /// <exception cref="ArgumentException"><paramref name="numSets"/> is smaller than 1.</exception>
    public MixedBatchGeneratorLoss(LossOrder order, int numSets = 1) : base(nameof(MixedBatchGeneratorLoss))
    {
        if (numSets < 1)
        {
            throw new ArgumentException($"numSets must be >= 1; got {numSets}.", nameof(numSets));
        }

        this.order = order;
        this.numSets = numSets;
        RegisterComponents();
    }

    /// <summary>The order of the set average and the loss.</summary>
    public LossOrder Order => order;

    /// <summary>The number k of sets.</summary>
    public int NumSets => numSets;

    /// <summary>The generator loss for the discriminator's logits on a mixed batch.</summary>
    /// <param name="logits">Per-element logits, <c>[N]</c> or <c>[N, 1]</c>.</param>
    /// <returns>A scalar.</returns>
    public override Tensor forward(Tensor logits) => LossFunctions.MixedBatchGenerator(logits, order, numSets);
}
