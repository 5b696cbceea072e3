using SymmetricNets.Sets;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Losses;

/// <summary>
/// The losses of the mixed-batch GAN method and of the standard GAN baseline, as functions of discriminator logits
/// (never probabilities). Each equation is implemented here once; the loss modules and <c>sym.functional</c> call these.
/// </summary>
/// <remarks>
/// <para>Sets: N per-element logits are split into k contiguous sets of N / k elements, set j holding elements
/// <c>[j N / k, (j + 1) N / k)</c>, the convention of <see cref="SymmetricNets.Mixing.MixedBatchSampler"/>.</para>
/// <para>Sign convention: the discriminator's output <c>D = sigmoid(logit)</c> predicts the proportion of <em>real</em>
/// samples; the generator wants its samples judged real, i.e. <c>D</c> high.</para>
/// </remarks>
public static class LossFunctions
{
    /// <summary>
    /// Eq. (3): <c>KL(B(u) || B(v))</c> with <c>v = sigmoid(z)</c>, from logits:
    /// <c>KL = BCEWithLogits(z, u) - H(u) = softplus(z) - u z + u log u + (1 - u) log(1 - u)</c>, with <c>0 log 0 = 0</c>
    /// (via <c>xlogy</c>). Exact at <c>u</c> in {0, 1}, no <c>log(0)</c> for any <c>u</c> in [0, 1], finite for large
    /// <c>|z|</c>; its gradient with respect to <c>z</c> is <c>sigmoid(z) - u</c>.
    /// </summary>
    /// <param name="logits">Logits z of the predicted probability v (floating point, any shape).</param>
    /// <param name="target">Target probabilities u in [0, 1], same shape as <paramref name="logits"/> (cast to its dtype).</param>
    /// <param name="reduction">None (elementwise, shape of the inputs), Mean or Sum.</param>
    /// <returns>The divergence, elementwise or reduced to a scalar.</returns>
    /// <exception cref="ArgumentException">Shapes differ, the logits are not floating point, or the devices differ.</exception>
    public static Tensor BernoulliKLWithLogits(Tensor logits, Tensor target, nn.Reduction reduction = nn.Reduction.Mean)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        CheckFloating(logits, nameof(logits));
        if (!logits.shape.SequenceEqual(target.shape))
        {
            throw new ArgumentException($"target must have the shape of logits: expected {Shape(logits)}, got {Shape(target)}.", nameof(target));
        }

        CheckSameDevice(logits, target, nameof(target));
        using var scope = torch.NewDisposeScope();
        var u = target.dtype == logits.dtype ? target : target.to_type(logits.dtype);
        // softplus(z) = -logsigmoid(-z): exact for every z (no threshold), gradient sigmoid(z).
        var bce = -nn.functional.logsigmoid(-logits) - u * logits;
        var negEntropy = torch.xlogy(u, u) + torch.xlogy(1.0 - u, 1.0 - u);
        var kl = bce + negEntropy;
        var result = reduction switch
        {
            nn.Reduction.None => kl,
            nn.Reduction.Mean => kl.mean(),
            nn.Reduction.Sum => kl.sum(),
            _ => throw new ArgumentException($"Unknown reduction {reduction}.", nameof(reduction)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The discriminator loss of eq. (4), <c>KL(B(#beta / B) || B(D(m_beta(x, x~))))</c>, for one mixed batch of k sets,
    /// in the order chosen by <paramref name="order"/>: BGAN, eq. (13) (mean of each set's logits, then the KL against
    /// the set's target) or M-BGAN, eq. (14) (the KL of every element against its set's target, then the mean).
    /// Averaged over the k sets. The KL is <see cref="BernoulliKLWithLogits"/>.
    /// </summary>
    /// <param name="logits">
    /// Per-element logits <c>o</c>, shape <c>[N]</c> or <c>[N, 1]</c>, N a multiple of k. For a BGAN network whose
    /// invariant reduction already happened inside the network, pass its per-set outputs, shape <c>[k]</c> (or
    /// <c>[k, 1]</c>): sets of one element, whose mean is the element itself, with <see cref="LossOrder.ReduceThenLoss"/>.
    /// </param>
    /// <param name="target">The per-set true ratios <c>#beta / (N / k)</c>, shape <c>[k]</c> (k = 1 may be a scalar), e.g. <see cref="SymmetricNets.Mixing.MixedBatch.Target"/>.</param>
    /// <param name="order">BGAN (<see cref="LossOrder.ReduceThenLoss"/>) or M-BGAN (<see cref="LossOrder.LossThenReduce"/>).</param>
    /// <returns>A scalar.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit (names the offending parameter).</exception>
    public static Tensor RatioKL(Tensor logits, Tensor target, LossOrder order)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(target);
        if (target.dim() > 1)
        {
            throw new ArgumentException($"target must hold one ratio per set: expected shape [k] (or a scalar for k = 1), got {Shape(target)}.", nameof(target));
        }

        int k = checked((int)target.numel());
        if (k < 1)
        {
            throw new ArgumentException($"target must hold one ratio per set: expected shape [k] with k >= 1, got {Shape(target)}.", nameof(target));
        }

        long setSize = SetSize(logits, k, nameof(logits));
        CheckSameDevice(logits, target, nameof(target));
        CheckOrder(order);

        using var scope = torch.NewDisposeScope();
        var u = target.reshape(k, 1).to_type(logits.dtype);
        var loss = ApplyOrder(logits.reshape(k, setSize), order, z => BernoulliKLWithLogits(z, u.expand(z.shape), nn.Reduction.None));
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Eq. (5), the generator loss on mixed batches, non-saturating: the generator <em>minimises</em>
    /// <c>-log D(m_beta(x, x~)) = softplus(-logit)</c>. The paper writes the loss as <c>E log D(m_beta(x, x~))</c>, the
    /// quantity the generator <em>maximises</em>: D predicts the proportion of real samples and the generator wants its
    /// samples judged real. Averaged over the k sets; BGAN (<see cref="LossOrder.ReduceThenLoss"/>, eq. (13)): on each
    /// set's mean logit; M-BGAN (<see cref="LossOrder.LossThenReduce"/>, eq. (14)): on every element's logit.
    /// </summary>
    /// <param name="logits">Per-element logits of the discriminator on a mixed batch, shape <c>[N]</c> or <c>[N, 1]</c> (or per-set <c>[k]</c>, see <see cref="RatioKL"/>).</param>
    /// <param name="order">BGAN or M-BGAN.</param>
    /// <param name="numSets">The number k of sets the N elements split into (N must be a multiple).</param>
    /// <returns>A scalar.</returns>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public static Tensor MixedBatchGenerator(Tensor logits, LossOrder order, int numSets = 1)
    {
        ArgumentNullException.ThrowIfNull(logits);
        if (numSets < 1)
        {
            throw new ArgumentException($"numSets must be >= 1; got {numSets}.", nameof(numSets));
        }

        long setSize = SetSize(logits, numSets, nameof(logits));
        CheckOrder(order);
        using var scope = torch.NewDisposeScope();
        // -log sigmoid(z) = softplus(-z).
        var loss = ApplyOrder(logits.reshape(numSets, setSize), order, z => -nn.functional.logsigmoid(z));
        return loss.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Standard GAN discriminator loss (eq. (1) with B = 1), binary cross-entropy from logits with real labelled 1 and
    /// fake labelled 0: <c>mean softplus(-real) + mean softplus(fake)</c> (= <c>-mean log D(x) - mean log(1 - D(G(z)))</c>).
    /// </summary>
    /// <param name="realLogits">Discriminator logits on real samples (any shape).</param>
    /// <param name="fakeLogits">Discriminator logits on generated samples (any shape, same device and dtype).</param>
    /// <returns>A scalar.</returns>
    /// <exception cref="ArgumentException">Not floating point, or different devices.</exception>
    public static Tensor GanDiscriminator(Tensor realLogits, Tensor fakeLogits)
    {
        ArgumentNullException.ThrowIfNull(realLogits);
        ArgumentNullException.ThrowIfNull(fakeLogits);
        CheckFloating(realLogits, nameof(realLogits));
        CheckFloating(fakeLogits, nameof(fakeLogits));
        CheckSameDevice(realLogits, fakeLogits, nameof(fakeLogits));
        using var scope = torch.NewDisposeScope();
        var lossReal = (-nn.functional.logsigmoid(realLogits)).mean();
        var lossFake = (-nn.functional.logsigmoid(-fakeLogits)).mean();
        return (lossReal + lossFake).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Standard GAN generator loss from the discriminator's logits on generated samples, minimised by the generator.
    /// Non-saturating: <c>mean softplus(-logit) = -mean log D(G(z))</c>; saturating (the min-max objective):
    /// <c>mean log(1 - D(G(z))) = -mean softplus(logit)</c>.
    /// </summary>
    /// <param name="fakeLogits">Discriminator logits on generated samples (any shape).</param>
    /// <param name="objective">Non-saturating (default) or saturating.</param>
    /// <returns>A scalar.</returns>
    /// <exception cref="ArgumentException">Not floating point.</exception>
    public static Tensor GanGenerator(Tensor fakeLogits, GanGeneratorObjective objective = GanGeneratorObjective.NonSaturating)
    {
        ArgumentNullException.ThrowIfNull(fakeLogits);
        CheckFloating(fakeLogits, nameof(fakeLogits));
        using var scope = torch.NewDisposeScope();
        var result = objective switch
        {
            GanGeneratorObjective.NonSaturating => (-nn.functional.logsigmoid(fakeLogits)).mean(),
            GanGeneratorObjective.Saturating => nn.functional.logsigmoid(-fakeLogits).mean(),
            _ => throw new ArgumentException($"Unknown objective {objective}.", nameof(objective)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Eq. (13) and (14): applies an elementwise loss <c>l</c> to logits grouped as <c>[k, N / k]</c>, BGAN
    /// (<c>l(mean_i o_i)</c>, eq. (13)) or M-BGAN (<c>mean_i l(o_i)</c>, eq. (14)), then averages over the k sets.
    /// </summary>
    private static Tensor ApplyOrder(Tensor groupedLogits, LossOrder order, Func<Tensor, Tensor> elementLoss)
    {
        var z = order == LossOrder.ReduceThenLoss ? groupedLogits.mean([1L], keepdim: true) : groupedLogits;
        return elementLoss(z).mean();
    }

    private static long SetSize(Tensor logits, int k, string name)
    {
        CheckFloating(logits, name);
        var s = logits.shape;
        bool okRank = s.Length == 1 || (s.Length == 2 && s[1] == 1);
        if (!okRank || s[0] == 0 || s[0] % k != 0)
        {
            throw new ArgumentException($"{name} must hold one logit per element of {k} equal sets: expected [N] or [N, 1] with N a positive multiple of {k}, got {Shape(logits)}.", name);
        }

        return s[0] / k;
    }

    private static void CheckOrder(LossOrder order)
    {
        if (order is not (LossOrder.ReduceThenLoss or LossOrder.LossThenReduce))
        {
            throw new ArgumentException($"Unknown loss order {order}.", nameof(order));
        }
    }

    private static void CheckFloating(Tensor t, string name)
    {
        if (!SymmetricNets.Mixing.RatioPrior.IsFloating(t.dtype))
        {
            throw new ArgumentException($"{name} must be floating point (logits); got {t.dtype} of shape {Shape(t)}.", name);
        }
    }

    private static void CheckSameDevice(Tensor a, Tensor b, string name)
    {
        if (a.device_type != b.device_type || a.device_index != b.device_index)
        {
            throw new ArgumentException($"{name} must live on device {a.device}; got {b.device}.", name);
        }
    }

    private static string Shape(Tensor t) => SetLayout.Fmt(t.shape);
}
