using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// PacGAN-k (Lin et al., 2018): consecutive groups of k samples of a batch <c>[B, 2]</c> are concatenated into one
/// input <c>[B / k, 2k]</c> of an ordinary discriminator, which outputs one logit per pack.
/// </summary>
public sealed class PackedDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential mlp;
    private readonly int pack;

    /// <summary>Creates the packed discriminator.</summary>
    /// <param name="o">Widths, depth and pack size.</param>
    /// <param name="device">Device of the parameters.</param>
    public PackedDiscriminator(SampleOptions o, Device device) : base(nameof(PackedDiscriminator))
    {
        pack = o.Pack;
        mlp = NetworkFactory.Discriminator(o, 2 * o.Pack, device);
        RegisterComponents();
    }

    /// <summary>Logits <c>[B / k, 1]</c> of a batch <c>[B, 2]</c>.</summary>
    /// <param name="input">The batch; B must be a multiple of k.</param>
    public override Tensor forward(Tensor input)
    {
        using var packed = input.reshape(input.shape[0] / pack, input.shape[1] * pack);
        return mlp.call(packed);
    }
}
