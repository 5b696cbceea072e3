using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Mixing;

/// <summary>
/// The uniform prior <c>p ~ U([0, 1])</c> of eq. (4), the paper's default. It induces the uniform law
/// <c>P(#beta = k) = 1 / (B + 1)</c> on the count of real elements (the beta-binomial with a = b = 1, eq. (40)).
/// Same law as <see cref="BatchSmoothingPrior"/> with gamma = 0.5 and <see cref="BetaRatioPrior"/> with a = b = 1.
/// </summary>
public sealed class UniformRatioPrior : RatioPrior
{
    /// <summary>0.5.</summary>
    public override double Mean => 0.5;

    /// <inheritdoc />
    protected override Tensor SampleCore(long count, Device device, Generator? generator, ScalarType dtype) =>
        torch.rand([count], dtype: dtype, device: device, generator: generator);

    /// <inheritdoc />
    protected override double[] LogCountWeightsCore(int setSize)
    {
        var w = new double[setSize + 1];
        Array.Fill(w, -Math.Log(setSize + 1.0));
        return w;
    }

    /// <inheritdoc />
    public override string ToString() => "Uniform(0, 1)";
}
