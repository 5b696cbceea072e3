namespace SymmetricNets.Losses;

/// <summary>
/// Where the per-element outputs of a symmetric discriminator are averaged relative to the loss (paper, section 4.3).
/// </summary>
/// <remarks>
/// Both orders are permutation invariant within a set. Paper footnote 2: M-BGAN (<see cref="LossThenReduce"/>) "was
/// initially a bug that worked"; on CIFAR-10 it gave the paper's best scores (Table 1). Section 11 of the paper reads it
/// as an ensemble of per-element discriminators.
/// </remarks>
public enum LossOrder
{
    /// <summary>BGAN, eq. (13): <c>L(o, y) = l(mean_i o_i, y)</c>, one prediction per set (the mean of its logits), then the loss.</summary>
    ReduceThenLoss = 0,

    /// <summary>M-BGAN, eq. (14): <c>L(o, y) = mean_i l(o_i, y)</c>, the loss of every element against its set's target, then the mean.</summary>
    LossThenReduce = 1,
}
