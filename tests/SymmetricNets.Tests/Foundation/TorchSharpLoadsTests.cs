namespace SymmetricNets.Tests.Foundation;

/// <summary>The native backend loads on this machine (the GLIBCXX fix-up of the build works).</summary>
public class TorchSharpLoadsTests
{
    [Fact]
    public void OnesSumIsThree()
    {
        using var s = ones(3).sum();
        Assert.Equal(3f, s.item<float>());
    }

    [Fact]
    public void LibraryVersionIsReported()
    {
        Assert.False(string.IsNullOrWhiteSpace(SymmetricNetsInfo.Version));
    }
}
