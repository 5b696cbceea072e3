using SymmetricNets.Losses;
using SymmetricNets.Mixing;
using SymmetricNets.Optimal;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets;

// Lower-case names on purpose: TorchSharp-style factory classes (torch.nn, torch.nn.functional).

/// <summary>
/// Factories of the SymmetricNets types, in the manner of <c>torch.nn</c> (<c>sym.MixedBatchSampler(...)</c>), and the
/// functional forms in <see cref="functional"/> (<c>sym.functional.ratio_kl_loss(...)</c>).
/// </summary>
public static partial class sym
{
    /// <summary>The uniform prior on the mixing ratio (eq. (4)): see <see cref="Mixing.UniformRatioPrior"/>.</summary>
    /// <returns>A new prior.</returns>
    public static UniformRatioPrior UniformRatioPrior() => new();

    /// <summary>Batch smoothing-gamma: p uniform on <c>[0, gamma] U [1 - gamma, 1]</c>; see <see cref="Mixing.BatchSmoothingPrior"/>.</summary>
    /// <param name="gamma">In [0, 0.5]; 0 = pure batches, 0.5 = uniform.</param>
    /// <returns>A new prior.</returns>
    public static BatchSmoothingPrior BatchSmoothingPrior(double gamma) => new(gamma);

    /// <summary>The Beta(a, b) prior on the mixing ratio (section 9); see <see cref="Mixing.BetaRatioPrior"/>.</summary>
    /// <param name="a">First shape parameter (&gt; 0).</param>
    /// <param name="b">Second shape parameter (&gt; 0).</param>
    /// <returns>A new prior.</returns>
    public static BetaRatioPrior BetaRatioPrior(double a, double b) => new(a, b);

    /// <summary>A mixed-batch sampler (eq. (2)); see <see cref="Mixing.MixedBatchSampler"/>.</summary>
    /// <param name="prior">Prior on the mixing ratio.</param>
    /// <param name="numSets">Number k of sets along the set axis.</param>
    /// <param name="setDim">The set axis.</param>
    /// <returns>A new sampler.</returns>
    public static MixedBatchSampler MixedBatchSampler(RatioPrior prior, int numSets = 1, int setDim = 0) => new(prior, numSets, setDim);

    /// <summary>The Bernoulli KL loss from logits (eq. (3)) as a module; see <see cref="Losses.BernoulliKLLoss"/>.</summary>
    /// <param name="reduction">None, Mean (default) or Sum.</param>
    /// <returns>A new module.</returns>
    public static BernoulliKLLoss BernoulliKLLoss(nn.Reduction reduction = nn.Reduction.Mean) => new(reduction);

    /// <summary>The mixed-batch discriminator loss (eq. (4), order (13) or (14)) as a module; see <see cref="Losses.RatioKLLoss"/>.</summary>
    /// <param name="order">BGAN (<see cref="LossOrder.ReduceThenLoss"/>) or M-BGAN (<see cref="LossOrder.LossThenReduce"/>).</param>
    /// <returns>A new module.</returns>
    public static RatioKLLoss RatioKLLoss(LossOrder order) => new(order);

    /// <summary>The non-saturating mixed-batch generator loss (eq. (5)) as a module; see <see cref="Losses.MixedBatchGeneratorLoss"/>.</summary>
    /// <param name="order">BGAN or M-BGAN.</param>
    /// <param name="numSets">Number k of sets.</param>
    /// <returns>A new module.</returns>
    public static MixedBatchGeneratorLoss MixedBatchGeneratorLoss(LossOrder order, int numSets = 1) => new(order, numSets);

    /// <summary>The standard GAN discriminator loss as a module; see <see cref="Losses.GanDiscriminatorLoss"/>.</summary>
    /// <returns>A new module.</returns>
    public static GanDiscriminatorLoss GanDiscriminatorLoss() => new();

    /// <summary>The standard GAN generator loss as a module; see <see cref="Losses.GanGeneratorLoss"/>.</summary>
    /// <param name="objective">Non-saturating (default) or saturating.</param>
    /// <returns>A new module.</returns>
    public static GanGeneratorLoss GanGeneratorLoss(GanGeneratorObjective objective = GanGeneratorObjective.NonSaturating) => new(objective);

    /// <summary>The exact optimal discriminator (eq. (45)) for a prior; see <see cref="Optimal.OptimalDiscriminator"/>.</summary>
    /// <param name="prior">Prior on the mixing ratio.</param>
    /// <returns>A new optimal discriminator.</returns>
    public static OptimalDiscriminator OptimalDiscriminator(RatioPrior prior) => new(prior);

    /// <summary>Functional forms (PyTorch-style names) of the SymmetricNets operations.</summary>
    public static partial class functional
    {
        /// <summary>
        /// Draws a mixed batch (eq. (2)) with one ratio per set from <paramref name="prior"/>; see
        /// <see cref="Mixing.MixedBatchSampler.Sample"/>.
        /// </summary>
        /// <param name="real">Real batch.</param>
        /// <param name="fake">Generated batch, same shape, dtype and device.</param>
        /// <param name="prior">Prior on the mixing ratio.</param>
        /// <param name="numSets">Number k of sets along the set axis.</param>
        /// <param name="setDim">The set axis.</param>
        /// <param name="generator">Optional random generator.</param>
        /// <param name="withComplement">Also build the complementary batch.</param>
        /// <returns>The mixed batch (dispose it).</returns>
        public static MixedBatch mix_batches(Tensor real, Tensor fake, RatioPrior prior, int numSets = 1, int setDim = 0, Generator? generator = null, bool withComplement = false) =>
            new MixedBatchSampler(prior, numSets, setDim).Sample(real, fake, generator, withComplement);

        /// <summary><c>KL(B(target) || B(sigmoid(logits)))</c>, eq. (3); see <see cref="LossFunctions.BernoulliKLWithLogits"/>.</summary>
        /// <param name="logits">Logits.</param>
        /// <param name="target">Target probabilities in [0, 1], same shape.</param>
        /// <param name="reduction">None, Mean (default) or Sum.</param>
        /// <returns>The divergence.</returns>
        public static Tensor bernoulli_kl_with_logits(Tensor logits, Tensor target, nn.Reduction reduction = nn.Reduction.Mean) =>
            LossFunctions.BernoulliKLWithLogits(logits, target, reduction);

        /// <summary>The mixed-batch discriminator loss, eq. (4), BGAN (13) or M-BGAN (14); see <see cref="LossFunctions.RatioKL"/>.</summary>
        /// <param name="logits">Per-element logits, <c>[N]</c> or <c>[N, 1]</c>.</param>
        /// <param name="target">Per-set true ratios, <c>[k]</c>.</param>
        /// <param name="order">BGAN or M-BGAN.</param>
        /// <returns>A scalar.</returns>
        public static Tensor ratio_kl_loss(Tensor logits, Tensor target, LossOrder order) =>
            LossFunctions.RatioKL(logits, target, order);

        /// <summary>The non-saturating mixed-batch generator loss, eq. (5); see <see cref="LossFunctions.MixedBatchGenerator"/>.</summary>
        /// <param name="logits">Per-element logits, <c>[N]</c> or <c>[N, 1]</c>.</param>
        /// <param name="order">BGAN or M-BGAN.</param>
        /// <param name="numSets">Number k of sets.</param>
        /// <returns>A scalar.</returns>
        public static Tensor mixed_batch_generator_loss(Tensor logits, LossOrder order, int numSets = 1) =>
            LossFunctions.MixedBatchGenerator(logits, order, numSets);

        /// <summary>The standard GAN discriminator loss from logits; see <see cref="LossFunctions.GanDiscriminator"/>.</summary>
        /// <param name="realLogits">Logits on real samples.</param>
        /// <param name="fakeLogits">Logits on generated samples.</param>
        /// <returns>A scalar.</returns>
        public static Tensor gan_discriminator_loss(Tensor realLogits, Tensor fakeLogits) =>
            LossFunctions.GanDiscriminator(realLogits, fakeLogits);

        /// <summary>The standard GAN generator loss from logits; see <see cref="LossFunctions.GanGenerator"/>.</summary>
        /// <param name="fakeLogits">Logits on generated samples.</param>
        /// <param name="objective">Non-saturating (default) or saturating.</param>
        /// <returns>A scalar.</returns>
        public static Tensor gan_generator_loss(Tensor fakeLogits, GanGeneratorObjective objective = GanGeneratorObjective.NonSaturating) =>
            LossFunctions.GanGenerator(fakeLogits, objective);

        /// <summary>The exact optimal discriminator <c>D*(y)</c>, eq. (45); see <see cref="Optimal.OptimalDiscriminator.Evaluate"/>.</summary>
        /// <param name="logP1">Real log-densities, <c>[B]</c> or <c>[M, B]</c>.</param>
        /// <param name="logP2">Generated log-densities, same shape.</param>
        /// <param name="prior">Prior on the mixing ratio.</param>
        /// <returns>float64, <c>[]</c> or <c>[M]</c>.</returns>
        public static Tensor optimal_discriminator(Tensor logP1, Tensor logP2, RatioPrior prior) =>
            new OptimalDiscriminator(prior).Evaluate(logP1, logP2);
    }
}
