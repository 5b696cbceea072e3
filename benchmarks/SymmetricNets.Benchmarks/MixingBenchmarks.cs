using BenchmarkDotNet.Attributes;
using SymmetricNets.Mixing;
using SymmetricNets.Networks;
using TorchSharp.Modules;

namespace SymmetricNets.Benchmarks;

/// <summary>
/// The cost of building a mixed batch (eq. 2: draw the ratio from the prior, draw the Bernoulli mask, mix) for a
/// CIFAR-sized batch <c>[64, 3, 32, 32]</c>, against one forward+backward of the SNGAN standard CNN discriminator on
/// the same batch (the baseline), plain and symmetric.
/// </summary>
public class MixingBenchmarks
{
    private const int BatchSize = 64;
    private Sequential discriminator = null!;
    private SymmetricNetwork symmetric = null!;
    private MixedBatchSampler sampler = null!;
    private Tensor real = null!, fake = null!;

    [GlobalSetup]
    public void Setup()
    {
        Bench.Init();
        discriminator = Models.SnganDiscriminator();
        symmetric = Models.SymmetricSnganDiscriminator(BatchSize);
        sampler = sym.MixedBatchSampler(sym.UniformRatioPrior());
        real = torch.rand(BatchSize, 3, 32, 32).mul_(2).sub_(1);
        fake = torch.rand(BatchSize, 3, 32, 32).mul_(2).sub_(1);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        discriminator.Dispose();
        symmetric.Dispose();
        real.Dispose();
        fake.Dispose();
    }

    [Benchmark(Baseline = true, Description = "plain SNGAN D fwd+bwd")]
    public void DiscriminatorStep()
    {
        using var scope = torch.NewDisposeScope();
        discriminator.forward(real).mean().backward();
        Bench.ClearGrads(discriminator);
    }

    [Benchmark(Description = "symmetric SNGAN D fwd+bwd")]
    public void SymmetricDiscriminatorStep()
    {
        using var scope = torch.NewDisposeScope();
        symmetric.forward(real).mean().backward();
        Bench.ClearGrads(symmetric);
    }

    [Benchmark(Description = "MixedBatchSampler.Sample")]
    public void Sample()
    {
        using var scope = torch.NewDisposeScope();
        sampler.Sample(real, fake).Dispose();
    }

    [Benchmark(Description = "Sample + complement")]
    public void SampleWithComplement()
    {
        using var scope = torch.NewDisposeScope();
        sampler.Sample(real, fake, withComplement: true).Dispose();
    }
}
