using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// Minibatch standard deviation (Karras et al., 2018, section 3): after the hidden layers, the standard deviation of
/// every feature over the minibatch is averaged into one scalar, which is appended to every sample's features before
/// the output layer. The discriminator therefore sees one statistic of the whole (pure real or pure fake) batch.
/// </summary>
public sealed class MinibatchStdDiscriminator : nn.Module<Tensor, Tensor>
{
    private readonly Sequential body;
    private readonly Linear head;

    /// <summary>Creates the discriminator <c>2 -&gt; hidden x layers -&gt; [features, batch std] -&gt; 1</c>.</summary>
    /// <param name="o">Widths and depth.</param>
    /// <param name="device">Device of the parameters.</param>
    public MinibatchStdDiscriminator(SampleOptions o, Device device) : base(nameof(MinibatchStdDiscriminator))
    {
        var mlp = NetworkFactory.Mlp(2, o.Hidden, o.Layers - 1, o.Hidden, device);
        body = nn.Sequential(("mlp", mlp), ("relu", nn.ReLU()));
        head = nn.Linear(o.Hidden + 1, 1, device: device);
        RegisterComponents();
    }

    /// <summary>Logits <c>[B, 1]</c> of a batch <c>[B, 2]</c>.</summary>
    /// <param name="input">The batch.</param>
    public override Tensor forward(Tensor input)
    {
        using var scope = torch.NewDisposeScope();
        var h = body.call(input);
        var std = (h.var(0L, unbiased: false) + 1e-8).sqrt().mean();
        var feature = std.expand(h.shape[0], 1);
        return head.call(torch.cat([h, feature], 1)).MoveToOuterDisposeScope();
    }
}
