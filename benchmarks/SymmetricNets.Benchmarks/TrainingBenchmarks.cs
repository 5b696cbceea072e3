using BenchmarkDotNet.Attributes;
using SymmetricNets.Losses;
using SymmetricNets.Mixing;
using TorchSharp.Modules;

namespace SymmetricNets.Benchmarks;

/// <summary>
/// One whole training iteration (a discriminator step, then a generator step, Adam on both), standard GAN (the
/// baseline: plain discriminator, <see cref="LossFunctions.GanDiscriminator"/> / <see cref="LossFunctions.GanGenerator"/>)
/// against BGAN (symmetric discriminator, mixed batches, <see cref="LossFunctions.RatioKL"/> /
/// <see cref="LossFunctions.MixedBatchGenerator"/>).
/// </summary>
/// <remarks>
/// Both sides push the same number of samples through the discriminator: the standard D step evaluates the real and
/// the generated batch, the BGAN D step the mixed batch and its complement (which together hold every real and every
/// generated sample once); each G step evaluates one batch. The real batch is a fixed tensor (no data loading).
/// Models: <c>Mlp2D</c>, the 2-D mixture networks (G: 2 -&gt; 3x512 ReLU -&gt; 2, D: 2 -&gt; 3x512 ReLU -&gt; 1, batch 128);
/// <c>SnganCnn</c>, the SNGAN standard CNN generator and discriminator on 32x32 RGB (batch 16, z of 128).
/// </remarks>
public class TrainingBenchmarks
{
    [ParamsSource(nameof(ModelNames))] public string Model = "";

    public static IEnumerable<string> ModelNames => new[] { "Mlp2D", "SnganCnn" };

    private long batch, zDim;
    private Tensor real = null!;
    private nn.Module<Tensor, Tensor> gPlain = null!, dPlain = null!, gBgan = null!, dBgan = null!;
    private optim.Optimizer optGPlain = null!, optDPlain = null!, optGBgan = null!, optDBgan = null!;
    private MixedBatchSampler sampler = null!;

    [GlobalSetup]
    public void Setup()
    {
        Bench.Init();
        sampler = sym.MixedBatchSampler(sym.UniformRatioPrior());
        if (Model == "Mlp2D")
        {
            (batch, zDim) = (128, 2);
            real = torch.randn(batch, 2);
            gPlain = Models.Mlp(zDim, 2);
            gBgan = Models.Mlp(zDim, 2);
            dPlain = Models.Mlp(2, 1);
            dBgan = sym.Symmetrize(Models.Mlp(2, 1), SymmetricNets.Networks.Readout.Mean, setSize: batch);
        }
        else if (Model == "SnganCnn")
        {
            (batch, zDim) = (16, 128);
            real = torch.rand(batch, 3, 32, 32).mul_(2).sub_(1);
            gPlain = Models.SnganGenerator(zDim);
            gBgan = Models.SnganGenerator(zDim);
            dPlain = Models.SnganDiscriminator();
            dBgan = Models.SymmetricSnganDiscriminator(batch);
        }
        else throw new ArgumentException($"Unknown model {Model}.");
        optGPlain = Adam(gPlain); optDPlain = Adam(dPlain);
        optGBgan = Adam(gBgan); optDBgan = Adam(dBgan);
        // One iteration of each outside any dispose scope, so that lazily created optimizer state lives on.
        StandardGanIteration();
        BganIteration();
    }

    private static optim.Optimizer Adam(nn.Module module) => optim.Adam(module.parameters(), lr: 2e-4, beta1: 0.5, beta2: 0.999);

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var m in new nn.Module[] { gPlain, dPlain, gBgan, dBgan }) m.Dispose();
        real.Dispose();
    }

    [Benchmark(Baseline = true, Description = "standard GAN iteration")]
    public void StandardGanIteration()
    {
        using var scope = torch.NewDisposeScope();
        // D step: real labelled 1, generated labelled 0.
        optDPlain.zero_grad();
        Tensor fake;
        using (torch.no_grad()) fake = gPlain.forward(torch.randn(batch, zDim));
        LossFunctions.GanDiscriminator(dPlain.forward(real), dPlain.forward(fake)).backward();
        optDPlain.step();
        // G step: non-saturating.
        optGPlain.zero_grad();
        LossFunctions.GanGenerator(dPlain.forward(gPlain.forward(torch.randn(batch, zDim)))).backward();
        optGPlain.step();
    }

    [Benchmark(Description = "BGAN iteration")]
    public void BganIteration()
    {
        using var scope = torch.NewDisposeScope();
        // D step: a mixed batch and its complement, each with its true ratio (eq. 4, BGAN order eq. 13).
        optDBgan.zero_grad();
        Tensor fake;
        using (torch.no_grad()) fake = gBgan.forward(torch.randn(batch, zDim));
        var mb = sampler.Sample(real, fake, withComplement: true);
        var lossD = LossFunctions.RatioKL(dBgan.forward(mb.Mixed), mb.Target, LossOrder.ReduceThenLoss)
                  + LossFunctions.RatioKL(dBgan.forward(mb.ComplementMixed!), mb.ComplementTarget!, LossOrder.ReduceThenLoss);
        lossD.backward();
        optDBgan.step();
        // G step: eq. (5) on a fresh mixed batch; the gradient reaches the generated samples it contains.
        optGBgan.zero_grad();
        var mg = sampler.Sample(real, gBgan.forward(torch.randn(batch, zDim)));
        LossFunctions.MixedBatchGenerator(dBgan.forward(mg.Mixed), LossOrder.ReduceThenLoss).backward();
        optGBgan.step();
    }
}
