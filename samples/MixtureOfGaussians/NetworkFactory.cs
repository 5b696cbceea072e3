using SymmetricNets.Networks;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>The multilayer perceptrons of section 5.1: <c>layers</c> hidden ReLU layers of <c>hidden</c> units.</summary>
public static class NetworkFactory
{
    /// <summary>The generator <c>latent -&gt; hidden x layers -&gt; 2</c>.</summary>
    /// <param name="o">Widths and depth.</param>
    /// <param name="device">Device of the parameters.</param>
    public static Sequential Generator(SampleOptions o, Device device) => Mlp(o.Latent, o.Hidden, o.Layers, 2, device);

    /// <summary>A per-sample discriminator <c>inFeatures -&gt; hidden x layers -&gt; 1</c> logit.</summary>
    /// <param name="o">Widths and depth.</param>
    /// <param name="inFeatures">Input features (2, or 2k for PacGAN-k).</param>
    /// <param name="device">Device of the parameters.</param>
    public static Sequential Discriminator(SampleOptions o, int inFeatures, Device device) => Mlp(inFeatures, o.Hidden, o.Layers, 1, device);

    /// <summary>
    /// The symmetric discriminator of BGAN / M-BGAN: the same widths with every dense layer replaced by the
    /// equivariant layer of eq. (12) (init reweighting of section 4.3 for the batch size), closed by
    /// <paramref name="readout"/>.
    /// </summary>
    /// <param name="o">Widths, depth and batch size.</param>
    /// <param name="readout"><see cref="Readout.Mean"/> (BGAN) or <see cref="Readout.PerElement"/> (M-BGAN).</param>
    /// <param name="device">Device of the parameters.</param>
    /// <param name="numSets">Independent sets of <c>o.Batch</c> elements along the batch axis (2: a mixed batch and its complement in one call).</param>
    public static SymmetricNetwork SymmetricDiscriminator(SampleOptions o, Readout readout, Device device, int numSets = 1) =>
        sym.SymmetricMLP(2, Enumerable.Repeat((long)o.Hidden, o.Layers).ToArray(), 1, readout, setSize: o.Batch, numSets: numSets, device: device);

    /// <summary>Linear/ReLU stack <c>inFeatures -&gt; hidden x layers -&gt; outFeatures</c>, no activation at the end.</summary>
    /// <param name="inFeatures">Input features.</param>
    /// <param name="hidden">Hidden width.</param>
    /// <param name="layers">Number of hidden layers.</param>
    /// <param name="outFeatures">Output features.</param>
    /// <param name="device">Device of the parameters.</param>
    public static Sequential Mlp(long inFeatures, long hidden, int layers, long outFeatures, Device device)
    {
        var modules = new List<(string, nn.Module<Tensor, Tensor>)>();
        long width = inFeatures;
        for (int i = 0; i < layers; i++)
        {
            modules.Add(($"linear{i}", nn.Linear(width, hidden, device: device)));
            modules.Add(($"relu{i}", nn.ReLU()));
            width = hidden;
        }

        modules.Add(("out", nn.Linear(width, outFeatures, device: device)));
        return nn.Sequential(modules);
    }
}
