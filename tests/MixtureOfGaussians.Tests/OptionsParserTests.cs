namespace SymmetricNets.Samples.MixtureOfGaussians.Tests;

public sealed class OptionsParserTests
{
    [Fact]
    public void DefaultsAreThePapers()
    {
        var o = OptionsParser.Parse([]);
        Assert.Equal("paper", o.Preset);
        Assert.Equal(512, o.Hidden);
        Assert.Equal(3, o.Layers);
        Assert.Equal(2, o.Latent);
        Assert.Equal(128, o.Batch);
        Assert.Equal(5, o.DiscriminatorSteps);
        Assert.Equal(20_000, o.Iterations);
        Assert.Equal(1e-3, o.LrD);
        Assert.Equal(0.9, o.Beta1);
        Assert.Equal(0.999, o.Beta2);
        Assert.Equal(GanMethods.All, o.Methods);
        Assert.Equal(new[] { 10, 100, 1000, 10000, 20000 }, o.ActiveSnapshots);
    }

    [Fact]
    public void FlagsOverrideThePresetWhateverTheirOrder()
    {
        var o = OptionsParser.Parse(["--iterations", "77", "--preset", "quick", "--methods", "mbgan,pacgan", "--gamma=0.3", "--datasets", "ring"]);
        Assert.Equal("quick", o.Preset);
        Assert.Equal(77, o.Iterations);
        Assert.Equal(new[] { GanMethod.MBgan, GanMethod.PacGan }, o.Methods);
        Assert.Equal(0.3, o.Gamma);
        Assert.Equal(new[] { "ring" }, o.Datasets);
        Assert.Equal(new[] { 10 }, o.ActiveSnapshots);
    }

    [Theory]
    [InlineData("--bogus", "1")]
    [InlineData("--gamma", "0.7")]
    [InlineData("--iterations", "zero")]
    [InlineData("--methods", "wgan")]
    [InlineData("--datasets", "spiral")]
    [InlineData("--preset", "huge")]
    [InlineData("--pack", "5")]
    public void BadFlagsThrowArgumentException(string flag, string value) =>
        Assert.Throws<ArgumentException>(() => OptionsParser.Parse([flag, value]));

    [Fact]
    public void MissingValueThrows() => Assert.Throws<ArgumentException>(() => OptionsParser.Parse(["--seeds"]));
}
