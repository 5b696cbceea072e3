using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// One GAN being trained: a generator, a discriminator, their Adam optimisers and the seeded random generator that
/// draws the data, the latents and the mixing. A <see cref="Step"/> is <c>DiscriminatorSteps</c> discriminator updates
/// then one generator update, each inside its own dispose scope, with no host synchronisation: the last losses stay
/// on the device in <see cref="LastDiscriminatorLoss"/> and <see cref="LastGeneratorLoss"/> until the caller reads them.
/// </summary>
public abstract class GanTrainer : IDisposable
{
    private readonly Tensor centres;
    private readonly optim.Optimizer optD;
    private readonly optim.Optimizer optG;

    /// <summary>Creates the trainer.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="data">The data set.</param>
    /// <param name="discriminator">The discriminator (outputs logits).</param>
    /// <param name="device">Training device.</param>
    /// <param name="random">Seeded generator for data, latents and mixing.</param>
    protected GanTrainer(SampleOptions options, MixtureDataset data, nn.Module<Tensor, Tensor> discriminator, Device device, torch.Generator random)
    {
        Options = options;
        Data = data;
        Device = device;
        Random = random;
        G = NetworkFactory.Generator(options, device);
        D = discriminator;
        centres = data.CentresTensor(device);
        optG = optim.Adam(G.parameters(), options.LrG, options.Beta1, options.Beta2);
        optD = optim.Adam(D.parameters(), options.LrD, options.Beta1, options.Beta2);
    }

    /// <summary>Settings.</summary>
    protected SampleOptions Options { get; }

    /// <summary>The data set.</summary>
    protected MixtureDataset Data { get; }

    /// <summary>Training device.</summary>
    protected Device Device { get; }

    /// <summary>Seeded generator for data, latents and mixing.</summary>
    protected torch.Generator Random { get; }

    /// <summary>The generator network.</summary>
    public Sequential G { get; }

    /// <summary>The discriminator network.</summary>
    public nn.Module<Tensor, Tensor> D { get; }

    /// <summary>The discriminator loss of the last discriminator update (a device scalar; null before the first step).</summary>
    public Tensor? LastDiscriminatorLoss { get; private set; }

    /// <summary>The generator loss of the last generator update (a device scalar; null before the first step).</summary>
    public Tensor? LastGeneratorLoss { get; private set; }

    /// <summary>One iteration: <c>DiscriminatorSteps</c> discriminator updates, then one generator update.</summary>
    public void Step()
    {
        for (int s = 0; s < Options.DiscriminatorSteps; s++)
        {
            using var scope = torch.NewDisposeScope();
            var real = Data.Sample(Options.Batch, centres, Random);
            Tensor fake;
            using (torch.no_grad()) fake = G.call(Latents(Options.Batch));
            optD.zero_grad();
            var loss = DiscriminatorLoss(real, fake);
            loss.backward();
            optD.step();
            if (s == Options.DiscriminatorSteps - 1)
            {
                LastDiscriminatorLoss?.Dispose();
                LastDiscriminatorLoss = loss.detach().MoveToOuterDisposeScope();
            }
        }

        using (var scope = torch.NewDisposeScope())
        {
            var real = Data.Sample(Options.Batch, centres, Random);
            var fake = G.call(Latents(Options.Batch));
            optG.zero_grad();
            var loss = GeneratorLoss(real, fake);
            loss.backward();
            optG.step();
            LastGeneratorLoss?.Dispose();
            LastGeneratorLoss = loss.detach().MoveToOuterDisposeScope();
        }
    }

    /// <summary>Generated samples <c>[n, 2]</c> for the given latents, without gradients.</summary>
    /// <param name="latents">Latents <c>[n, latent]</c> on the device.</param>
    public Tensor Generate(Tensor latents)
    {
        using var _ = torch.no_grad();
        return G.call(latents);
    }

    /// <summary>The discriminator loss on a real and a generated (detached) batch, both <c>[B, 2]</c>.</summary>
    /// <param name="real">Real batch.</param>
    /// <param name="fake">Generated batch.</param>
    protected abstract Tensor DiscriminatorLoss(Tensor real, Tensor fake);

    /// <summary>The generator loss; gradients flow through <paramref name="fake"/>.</summary>
    /// <param name="real">Real batch (for the methods that mix).</param>
    /// <param name="fake">Generated batch.</param>
    protected abstract Tensor GeneratorLoss(Tensor real, Tensor fake);

    /// <summary>Standard Gaussian latents <c>[n, latent]</c> from <see cref="Random"/>.</summary>
    /// <param name="n">Count.</param>
    protected Tensor Latents(long n) => torch.randn([n, Options.Latent], dtype: ScalarType.Float32, device: Device, generator: Random);

    /// <summary>Disposes the networks, the optimisers' state and the last losses.</summary>
    public void Dispose()
    {
        LastDiscriminatorLoss?.Dispose();
        LastGeneratorLoss?.Dispose();
        G.Dispose();
        D.Dispose();
        centres.Dispose();
        (optD as IDisposable)?.Dispose();
        (optG as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }
}
