using SymmetricNets.Losses;
using SymmetricNets.Mixing;
using SymmetricNets.Networks;
using SymmetricNets.Optimal;
using SymmetricNets.Tests.Support;
using Xunit.Abstractions;

namespace SymmetricNets.Tests.EndToEnd;

/// <summary>
/// A symmetric discriminator trained with the BGAN loss (eq. 4 in the order of eq. 13) on mixed batches of
/// two fixed 1-D Gaussians learns the optimal discriminator D*(y) = E[#beta/B | y] (Prop. 1, eq. 45).
/// </summary>
public class DiscriminatorApproachesOptimumTests
{
    private readonly ITestOutputHelper output;
    public DiscriminatorApproachesOptimumTests(ITestOutputHelper output) => this.output = output;

    private const int B = 4;
    private const double Mu1 = 0, Mu2 = 1.5;   // real N(0, 1), fake N(1.5, 1)

    private static Tensor LogNormal(Tensor y, double mu) => -0.5 * (y - mu).square() - 0.5 * Math.Log(2 * Math.PI);

    [Fact]
    public void BganDiscriminatorApproachesTheExactOptimum()
    {
        torch.manual_seed(1);
        var gen = new Generator(1);
        const int k = 256;                          // 256 independent sets of 4 per step (numSets)
        var prior = new UniformRatioPrior();
        var sampler = new MixedBatchSampler(prior, numSets: k);
        var d = sym.SymmetricMLP(1, new long[] { 64, 64 }, 1, Readout.Mean, setSize: B, numSets: k);
        var opt = optim.Adam(d.parameters(), lr: 2e-3);
        var sched = optim.lr_scheduler.StepLR(opt, 600, 0.3);
        for (int step = 0; step < 1500; step++)
        {
            using var scope = torch.NewDisposeScope();
            var real = torch.randn(new long[] { k * B, 1 }, generator: gen) + Mu1;
            var fake = torch.randn(new long[] { k * B, 1 }, generator: gen) + Mu2;
            using var batch = sampler.Sample(real, fake, gen);
            var loss = LossFunctions.RatioKL(d.forward(batch.Mixed), batch.Target, LossOrder.ReduceThenLoss);
            opt.zero_grad();
            loss.backward();
            opt.step();
            sched.step();
        }

        // Fresh mixed batches; compare sigmoid(D) with D* computed from the known densities.
        using var eval = torch.NewDisposeScope();
        var yReal = torch.randn(new long[] { k * B, 1 }, generator: gen) + Mu1;
        var yFake = torch.randn(new long[] { k * B, 1 }, generator: gen) + Mu2;
        using var test = sampler.Sample(yReal, yFake, gen);
        Tensor predicted;
        using (torch.no_grad()) predicted = torch.sigmoid(d.forward(test.Mixed)).reshape(k).to_type(ScalarType.Float64);
        var y = test.Mixed.reshape(k, B).to_type(ScalarType.Float64);
        var optimal = new OptimalDiscriminator(prior).Evaluate(LogNormal(y, Mu1), LogNormal(y, Mu2));
        double mae = (predicted - optimal).abs().mean().item<double>();
        double constantMae = (optimal - optimal.mean()).abs().mean().item<double>();   // best-constant-ish baseline
        double targetMae = (optimal - test.Target.to_type(ScalarType.Float64)).abs().mean().item<double>();
        output.WriteLine($"B = {B}: mean |D - D*| = {mae:F4}; a constant predictor {constantMae:F4}; |D* - true ratio| {targetMae:F4}");
        // D* varies across batches (mean deviation ~0.15-0.2), so a constant cannot pass. The tolerance 0.03 is about
        // 1/5 of that spread: what a 2x64 network reaches in 1,500 steps of 256 sets (measured 0.007 against a constant baseline of 0.22), with margin for
        // seeds and platforms; a discriminator that ignored the set structure or the prior would sit near the baseline.
        Assert.True(constantMae > 0.1, $"D* must vary across batches for the test to mean anything (got {constantMae})");
        Assert.True(mae < 0.03, $"mean |D - D*| = {mae} should be < 0.03");
    }
}
