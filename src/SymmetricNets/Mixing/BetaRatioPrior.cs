using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Mixing;

/// <summary>
/// The prior <c>p ~ Beta(a, b)</c> of the paper's section 9. It induces the beta-binomial law on the count of real
/// elements, eq. (40): <c>P(#beta = k) = C(B, k) B(k + a, B - k + b) / B(a, b)</c>. Beta(1, 1) is the uniform prior.
/// </summary>
/// <remarks>
/// Sampling: <c>p = X / (X + Y)</c> with <c>X ~ Gamma(a)</c>, <c>Y ~ Gamma(b)</c>, computed as
/// <c>sigmoid(log X - log Y)</c> with <c>log X = log G(a + 1) + log(U) / a</c> (G a Gamma(a + 1) draw, U uniform on
/// (0, 1]): no 0/0 even when both Gamma draws underflow for small a and b. Draws use <c>torch._standard_gamma</c> and
/// <c>torch.rand</c>, both of which take the generator.
/// </remarks>
public sealed class BetaRatioPrior : RatioPrior
{
    /// <summary>Creates the Beta(a, b) prior.</summary>
    /// <param name="a">First shape parameter, finite and &gt; 0.</param>
    /// <param name="b">Second shape parameter, finite and &gt; 0.</param>
    /// <exception cref="ArgumentException">A shape parameter is not a finite positive number.</exception>
    public BetaRatioPrior(double a, double b)
    {
        if (!(a > 0.0 && double.IsFinite(a)))
        {
            throw new ArgumentException($"a must be finite and > 0; got {a}.", nameof(a));
        }

        if (!(b > 0.0 && double.IsFinite(b)))
        {
            throw new ArgumentException($"b must be finite and > 0; got {b}.", nameof(b));
        }

        A = a;
        B = b;
    }

    /// <summary>First shape parameter a.</summary>
    public double A { get; }

    /// <summary>Second shape parameter b.</summary>
    public double B { get; }

    /// <summary><c>a / (a + b)</c>.</summary>
    public override double Mean => A / (A + B);

    /// <inheritdoc />
    protected override Tensor SampleCore(long count, Device device, Generator? generator, ScalarType dtype)
    {
        using var scope = torch.NewDisposeScope();
        var logX = LogGamma(A, count, device, generator, dtype);
        var logY = LogGamma(B, count, device, generator, dtype);
        return torch.sigmoid(logX - logY).MoveToOuterDisposeScope();
    }

    // log of a Gamma(shape, 1) draw: Gamma(s) = Gamma(s + 1) * U^(1/s).
    private static Tensor LogGamma(double shape, long count, Device device, Generator? generator, ScalarType dtype)
    {
        var alpha = torch.full([count], shape + 1.0, dtype: dtype, device: device);
        var g = torch._standard_gamma(alpha, generator);
        var u = torch.rand([count], dtype: dtype, device: device, generator: generator);
        var logU = torch.log1p(-u); // log(1 - u), u in [0, 1): finite
        return g.log() + logU / shape;
    }

    /// <inheritdoc />
    protected override double[] LogCountWeightsCore(int setSize)
    {
        var log = new double[setSize + 1];
        double lb = MathUtil.LogBeta(A, B);
        for (int k = 0; k <= setSize; k++)
        {
            log[k] = MathUtil.LogChoose(setSize, k) + MathUtil.LogBeta(k + A, setSize - k + B) - lb;
        }

        return log;
    }

    /// <inheritdoc />
    public override string ToString() => $"Beta(a = {A}, b = {B})";
}
