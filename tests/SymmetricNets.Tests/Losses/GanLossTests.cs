using SymmetricNets.Losses;
using SymmetricNets.Tests.Mixing;

namespace SymmetricNets.Tests.Losses;

/// <summary>Standard GAN baseline losses from logits against the formulas with D = sigmoid(logit).</summary>
public class GanLossTests
{
    private static readonly double[] Real = { 1.2, -0.4, 3.0 };
    private static readonly double[] Fake = { -2.0, 0.5, 0.1, -0.3 };

    private static Tensor T(double[] v) => torch.tensor(v, dtype: ScalarType.Float64);

    [Fact]
    public void DiscriminatorLossIsBinaryCrossEntropy()
    {
        double expected = Real.Select(x => -Math.Log(Reference.Sigmoid(x))).Average()
            + Fake.Select(x => -Math.Log(1 - Reference.Sigmoid(x))).Average();
        using var r = T(Real);
        using var f = T(Fake);
        using var l1 = LossFunctions.GanDiscriminator(r, f);
        using var l2 = sym.GanDiscriminatorLoss().call(r, f);
        using var l3 = sym.functional.gan_discriminator_loss(r, f);
        Assert.Equal(expected, l1.item<double>(), 13);
        Assert.Equal(expected, l2.item<double>(), 13);
        Assert.Equal(expected, l3.item<double>(), 13);
    }

    [Fact]
    public void GeneratorLossesNonSaturatingAndSaturating()
    {
        double ns = Fake.Select(x => -Math.Log(Reference.Sigmoid(x))).Average();
        double sat = Fake.Select(x => Math.Log(1 - Reference.Sigmoid(x))).Average();
        using var f = T(Fake);
        using var l1 = LossFunctions.GanGenerator(f);
        using var l2 = sym.GanGeneratorLoss(GanGeneratorObjective.Saturating).call(f);
        using var l3 = sym.functional.gan_generator_loss(f, GanGeneratorObjective.NonSaturating);
        Assert.Equal(ns, l1.item<double>(), 13);
        Assert.Equal(sat, l2.item<double>(), 13);
        Assert.Equal(ns, l3.item<double>(), 13);
    }

    [Fact]
    public void LargeLogitsStayFinite()
    {
        using var r = torch.tensor(new float[] { -100, 100 });
        using var f = torch.tensor(new float[] { 100, -100 });
        using var d = LossFunctions.GanDiscriminator(r, f);
        using var gn = LossFunctions.GanGenerator(r);
        using var gs = LossFunctions.GanGenerator(f, GanGeneratorObjective.Saturating);
        Assert.Equal(100.0, d.item<float>(), 3);
        Assert.Equal(50.0, gn.item<float>(), 3);
        Assert.Equal(-50.0, gs.item<float>(), 3);
    }
}
