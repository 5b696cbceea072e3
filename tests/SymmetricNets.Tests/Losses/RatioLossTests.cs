using FsCheck;
using FsCheck.Xunit;
using SymmetricNets.Losses;
using SymmetricNets.Tests.Mixing;

namespace SymmetricNets.Tests.Losses;

/// <summary>BGAN (eq. (13)) and M-BGAN (eq. (14)) ratio losses and the mixed-batch generator loss (eq. (5)).</summary>
public class RatioLossTests
{
    private static double Value(Tensor t) => t.to_type(ScalarType.Float64).item<double>();

    private static double RatioLoss(double[] logits, double[] targets, LossOrder order)
    {
        using var o = torch.tensor(logits, dtype: ScalarType.Float64);
        using var t = torch.tensor(targets, dtype: ScalarType.Float64);
        using var l = LossFunctions.RatioKL(o, t, order);
        return Value(l);
    }

    private static double GeneratorLoss(double[] logits, int k, LossOrder order)
    {
        using var o = torch.tensor(logits, dtype: ScalarType.Float64);
        using var l = LossFunctions.MixedBatchGenerator(o, order, k);
        return Value(l);
    }

    // Independent reference: eq. (13) / (14) with eq. (3) written directly.
    private static double ReferenceRatioLoss(double[] o, double[] t, LossOrder order)
    {
        int k = t.Length;
        int s = o.Length / k;
        double total = 0;
        for (int j = 0; j < k; j++)
        {
            var set = o.Skip(j * s).Take(s).ToArray();
            total += order == LossOrder.ReduceThenLoss
                ? Reference.KlDirect(t[j], Reference.Sigmoid(set.Average()))
                : set.Select(x => Reference.KlDirect(t[j], Reference.Sigmoid(x))).Average();
        }

        return total / k;
    }

    private static (double[] Logits, double[] Targets, int SetSize) RandomCase(int seed)
    {
        var rng = new Random(seed);
        int k = rng.Next(1, 4);
        int s = rng.Next(1, 7);
        var logits = Enumerable.Range(0, k * s).Select(_ => (rng.NextDouble() - 0.5) * 8).ToArray();
        var targets = Enumerable.Range(0, k).Select(_ => rng.Next(0, s + 1) / (double)s).ToArray();
        return (logits, targets, s);
    }

    [Property(MaxTest = 200)]
    public bool PermutationInvariantWithinSets(Guid id)
    {
        int seed = id.GetHashCode();
        var (o, t, s) = RandomCase(seed);
        var rng = new Random(seed ^ 0x5bd1e995);
        var permuted = (double[])o.Clone();
        for (int j = 0; j < t.Length; j++)
        {
            var set = permuted.AsSpan(j * s, s);
            rng.Shuffle(set);
        }

        bool ok = true;
        foreach (var order in new[] { LossOrder.ReduceThenLoss, LossOrder.LossThenReduce })
        {
            ok &= Math.Abs(RatioLoss(o, t, order) - RatioLoss(permuted, t, order)) < 1e-12;
            ok &= Math.Abs(GeneratorLoss(o, t.Length, order) - GeneratorLoss(permuted, t.Length, order)) < 1e-12;
        }

        return ok;
    }

    [Property(MaxTest = 100)]
    public bool MatchesTheDirectFormulas(Guid id)
    {
        int seed = id.GetHashCode();
        var (o, t, _) = RandomCase(seed);
        bool ok = true;
        foreach (var order in new[] { LossOrder.ReduceThenLoss, LossOrder.LossThenReduce })
        {
            ok &= Math.Abs(RatioLoss(o, t, order) - ReferenceRatioLoss(o, t, order)) < 1e-11;
        }

        // Jensen: the KL is convex in the logit, so M-BGAN >= BGAN.
        ok &= RatioLoss(o, t, LossOrder.LossThenReduce) >= RatioLoss(o, t, LossOrder.ReduceThenLoss) - 1e-12;
        return ok;
    }

    [Property(MaxTest = 100)]
    public bool KSetsAreTheMeanOfKSeparateComputations(Guid id)
    {
        int seed = id.GetHashCode();
        var (o, t, s) = RandomCase(seed);
        int k = t.Length;
        bool ok = true;
        foreach (var order in new[] { LossOrder.ReduceThenLoss, LossOrder.LossThenReduce })
        {
            double separate = Enumerable.Range(0, k).Select(j => RatioLoss(o.Skip(j * s).Take(s).ToArray(), [t[j]], order)).Average();
            ok &= Math.Abs(RatioLoss(o, t, order) - separate) < 1e-12;
            double separateGen = Enumerable.Range(0, k).Select(j => GeneratorLoss(o.Skip(j * s).Take(s).ToArray(), 1, order)).Average();
            ok &= Math.Abs(GeneratorLoss(o, k, order) - separateGen) < 1e-12;
        }

        return ok;
    }

    [Fact]
    public void OrdersAgreeWhenASetsOutputsAreEqual()
    {
        var o = new[] { 0.4, 0.4, 0.4, -1.3, -1.3, -1.3 };
        var t = new[] { 2 / 3.0, 0.0 };
        Assert.Equal(RatioLoss(o, t, LossOrder.ReduceThenLoss), RatioLoss(o, t, LossOrder.LossThenReduce), 13);
        Assert.Equal(GeneratorLoss(o, 2, LossOrder.ReduceThenLoss), GeneratorLoss(o, 2, LossOrder.LossThenReduce), 13);
    }

    [Fact]
    public void GeneratorLossIsMinusLogDOfTheMixedBatch()
    {
        var o = new[] { 0.5, -2.0, 1.5, 3.0 };
        // BGAN, two sets: -log sigmoid(mean logit) per set, averaged.
        double bgan = (-Math.Log(Reference.Sigmoid(-0.75)) - Math.Log(Reference.Sigmoid(2.25))) / 2;
        double mbgan = o.Select(x => -Math.Log(Reference.Sigmoid(x))).Average();
        Assert.Equal(bgan, GeneratorLoss(o, 2, LossOrder.ReduceThenLoss), 13);
        Assert.Equal(mbgan, GeneratorLoss(o, 2, LossOrder.LossThenReduce), 13);
        // The generator wants its samples judged real: raising the logits lowers the loss.
        Assert.True(GeneratorLoss(o.Select(x => x + 1).ToArray(), 2, LossOrder.LossThenReduce) < mbgan);
    }

    [Fact]
    public void ShapesColumnAndReducedLogitsAreAccepted()
    {
        var o = new[] { 0.3, -0.7, 1.1, 2.0, -0.2, 0.9 };
        var t = new[] { 0.5, 1.0 };
        using var col = torch.tensor(o, dtype: ScalarType.Float64).reshape(6, 1);
        using var tt = torch.tensor(t, dtype: ScalarType.Float64);
        using var lc = LossFunctions.RatioKL(col, tt, LossOrder.LossThenReduce);
        Assert.Equal(ReferenceRatioLoss(o, t, LossOrder.LossThenReduce), Value(lc), 12);

        // A BGAN network that already reduced each set to one logit: pass [k].
        var reduced = new[] { o.Take(3).Average(), o.Skip(3).Average() };
        Assert.Equal(RatioLoss(o, t, LossOrder.ReduceThenLoss), RatioLoss(reduced, t, LossOrder.ReduceThenLoss), 13);

        // Float32 logits with a float64 target.
        using var o32 = torch.tensor(o.Select(x => (float)x).ToArray());
        using var l32 = sym.RatioKLLoss(LossOrder.ReduceThenLoss).call(o32, tt);
        Assert.Equal(ScalarType.Float32, l32.dtype);
        Assert.Equal(ReferenceRatioLoss(o, t, LossOrder.ReduceThenLoss), Value(l32), 5);

        // Module, function and factory forms agree.
        using var lf = sym.functional.ratio_kl_loss(col, tt, LossOrder.LossThenReduce);
        using var lg = sym.MixedBatchGeneratorLoss(LossOrder.ReduceThenLoss, 2).call(col);
        using var lgf = sym.functional.mixed_batch_generator_loss(col, LossOrder.ReduceThenLoss, 2);
        Assert.Equal(Value(lc), Value(lf), 15);
        Assert.Equal(Value(lg), Value(lgf), 15);
    }

    [Fact]
    public void GradientsFlowThroughTheMixedBatchIntoTheGenerator()
    {
        // Per-element "discriminator" o_i = w * x_i on a mixed batch; the generator's samples get a gradient only where taken.
        using var g = new Generator(21);
        using var real = torch.randn([8], dtype: ScalarType.Float64, generator: g);
        using var fake = torch.randn([8], dtype: ScalarType.Float64, generator: g).requires_grad_();
        using var batch = new SymmetricNets.Mixing.MixedBatchSampler(new SymmetricNets.Mixing.UniformRatioPrior(), 2).Sample(real, fake, g);
        using var loss = LossFunctions.MixedBatchGenerator(batch.Mixed * 0.5, LossOrder.LossThenReduce, 2);
        loss.backward();
        var mask = batch.Mask.data<bool>().ToArray();
        var x = batch.Mixed.data<double>().ToArray();
        var grad = fake.grad!.data<double>().ToArray();
        for (int i = 0; i < 8; i++)
        {
            // d/dx mean(-log sigmoid(0.5 x)) = -(1 - sigmoid(0.5 x)) * 0.5 / 8.
            double expected = mask[i] ? 0 : -(1 - Reference.Sigmoid(0.5 * x[i])) * 0.5 / 8;
            Assert.Equal(expected, grad[i], 14);
        }
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        using var o = torch.zeros(7);
        using var t = torch.zeros(2);
        var ex = Assert.Throws<ArgumentException>(() => LossFunctions.RatioKL(o, t, LossOrder.ReduceThenLoss));
        Assert.Equal("logits", ex.ParamName);
        Assert.Contains("[7]", ex.Message);
        using var o2 = torch.zeros(4, 2);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LossFunctions.RatioKL(o2, t, LossOrder.ReduceThenLoss)).ParamName);
        using var t2 = torch.zeros(2, 2);
        Assert.Equal("target", Assert.Throws<ArgumentException>(() => LossFunctions.RatioKL(o, t2, LossOrder.ReduceThenLoss)).ParamName);
        Assert.Equal("logits", Assert.Throws<ArgumentException>(() => LossFunctions.MixedBatchGenerator(o, LossOrder.LossThenReduce, 2)).ParamName);
        Assert.Equal("numSets", Assert.Throws<ArgumentException>(() => new MixedBatchGeneratorLoss(LossOrder.LossThenReduce, 0)).ParamName);
    }
}
