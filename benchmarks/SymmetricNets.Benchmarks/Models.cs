using SymmetricNets.Networks;
using TorchSharp.Modules;

namespace SymmetricNets.Benchmarks;

/// <summary>The networks the mixing and training benchmarks use.</summary>
internal static class Models
{
    /// <summary>Layers of the SNGAN "standard CNN" discriminator (Miyato et al. 2018, table 3), without spectral
    /// normalisation (it would cost the same in the plain and the symmetric version): (kernel, stride, out channels).</summary>
    private static readonly (long K, long S, long Out)[] SnganDLayers =
    {
        (3, 1, 64), (4, 2, 64), (3, 1, 128), (4, 2, 128), (3, 1, 256), (4, 2, 256), (3, 1, 512),
    };

    /// <summary>The plain SNGAN standard CNN discriminator for 32x32 RGB images: <c>[B, 3, 32, 32] -&gt; [B, 1]</c>.</summary>
    public static Sequential SnganDiscriminator()
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long c = 3;
        for (int i = 0; i < SnganDLayers.Length; i++)
        {
            var (k, s, o) = SnganDLayers[i];
            layers.Add(($"conv{i}", nn.Conv2d(c, o, k, stride: s, padding: 1)));
            layers.Add(($"lrelu{i}", nn.LeakyReLU(0.1)));
            c = o;
        }
        layers.Add(("flatten", nn.Flatten()));
        layers.Add(("linear", nn.Linear(512 * 4 * 4, 1)));
        return nn.Sequential(layers);
    }

    /// <summary>The symmetric (BGAN) version of <see cref="SnganDiscriminator"/>: every conv and the final linear
    /// layer equivariant (<c>sym.EquivariantConv2d</c>, <c>sym.EquivariantLinear</c>), closed by the set mean:
    /// <c>[B, 3, 32, 32] -&gt; [1]</c>, one logit for the batch.</summary>
    public static SymmetricNetwork SymmetricSnganDiscriminator(long setSize)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        long c = 3;
        foreach (var (k, s, o) in SnganDLayers)
        {
            layers.Add(sym.EquivariantConv2d(c, o, k, stride: s, padding: 1, setSize: setSize));
            layers.Add(nn.LeakyReLU(0.1));
            c = o;
        }
        layers.Add(nn.Flatten());
        layers.Add(sym.EquivariantLinear(512 * 4 * 4, 1, setSize: setSize));
        return sym.SymmetricNetwork(layers, Readout.Mean);
    }

    /// <summary>The SNGAN standard CNN generator for 32x32 RGB images: <c>z [B, zDim] -&gt; linear to 4x4x512 -&gt;
    /// three (4x4 stride-2 transposed conv, BatchNorm, ReLU) -&gt; conv3x3 to 3 -&gt; tanh</c>.</summary>
    public static Sequential SnganGenerator(long zDim) => nn.Sequential(
        ("linear", nn.Linear(zDim, 4 * 4 * 512)),
        ("unflatten", nn.Unflatten(1, new long[] { 512, 4, 4 })),
        ("deconv0", nn.ConvTranspose2d(512, 256, 4, stride: 2, padding: 1)), ("bn0", nn.BatchNorm2d(256)), ("relu0", nn.ReLU()),
        ("deconv1", nn.ConvTranspose2d(256, 128, 4, stride: 2, padding: 1)), ("bn1", nn.BatchNorm2d(128)), ("relu1", nn.ReLU()),
        ("deconv2", nn.ConvTranspose2d(128, 64, 4, stride: 2, padding: 1)), ("bn2", nn.BatchNorm2d(64)), ("relu2", nn.ReLU()),
        ("conv", nn.Conv2d(64, 3, 3, padding: 1)), ("tanh", nn.Tanh()));

    /// <summary>A plain MLP <c>in -&gt; 512 -&gt; 512 -&gt; 512 -&gt; out</c> with ReLU (the 2-D mixture networks).</summary>
    public static Sequential Mlp(long inFeatures, long outFeatures) => nn.Sequential(
        ("fc0", nn.Linear(inFeatures, 512)), ("relu0", nn.ReLU()),
        ("fc1", nn.Linear(512, 512)), ("relu1", nn.ReLU()),
        ("fc2", nn.Linear(512, 512)), ("relu2", nn.ReLU()),
        ("fc3", nn.Linear(512, outFeatures)));
}
