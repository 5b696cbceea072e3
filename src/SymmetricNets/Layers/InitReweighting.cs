using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Layers;

/// <summary>
/// The initialisation reweighting of section 4.3: <c>Lambda~ = B/(B+1) Lambda</c> and
/// <c>Gamma~ = 1/(B+1) Gamma</c>, so that at the start of training the set mean <c>rho(x)</c> does not
/// contribute disproportionately compared with each element's own features.
/// </summary>
public static class InitReweighting
{
    /// <summary>Section 4.3: the factors <c>(B/(B+1), 1/(B+1))</c> applied to Lambda and Gamma for set size B.</summary>
    /// <param name="setSize">The expected set size B (at least 1).</param>
    public static (double lambdaScale, double gammaScale) Scales(long setSize)
    {
        if (setSize < 1) throw new ArgumentException($"The set size must be at least 1; got {setSize}.", nameof(setSize));
        return (setSize / (setSize + 1.0), 1.0 / (setSize + 1.0));
    }

    /// <summary>Scales <paramref name="lambda"/> and <paramref name="gamma"/> in place by <see cref="Scales"/>, without recording gradients.</summary>
    /// <param name="lambda">The per-element weight Lambda.</param>
    /// <param name="gamma">The set-mean weight Gamma.</param>
    /// <param name="setSize">The expected set size B.</param>
    public static void Apply(Tensor lambda, Tensor gamma, long setSize)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        ArgumentNullException.ThrowIfNull(gamma);
        var (ls, gs) = Scales(setSize);
        using var _ = torch.no_grad();
        lambda.mul_(ls);
        gamma.mul_(gs);
    }

    /// <summary>PyTorch's default initialisation of a weight of fan-in <c>weight.shape[1..]</c>:
    /// kaiming-uniform with <c>a = sqrt(5)</c>, i.e. U(-1/sqrt(fan_in), 1/sqrt(fan_in)).</summary>
    internal static void DefaultInit(Tensor weight, Tensor? bias)
    {
        using var _ = torch.no_grad();
        nn.init.kaiming_uniform_(weight, a: Math.Sqrt(5));
        if (bias is not null)
        {
            long fanIn = weight.shape.Skip(1).Aggregate(1L, (a, b) => a * b);
            double bound = fanIn > 0 ? 1.0 / Math.Sqrt(fanIn) : 0;
            nn.init.uniform_(bias, -bound, bound);
        }
    }
}
