using SymmetricNets.Mixing;

namespace SymmetricNets.Tests.Mixing;

/// <summary>The mixing law (eq. (2)) element by element, the complement, reproducibility, gradients and argument checks.</summary>
public class MixedBatchSamplerTests
{
    [Fact]
    public void MixingLawHoldsElementByElementWithContiguousSets()
    {
        using var g = new Generator(1);
        using var real = torch.randn([12, 3], generator: g);
        using var fake = torch.randn([12, 3], generator: g);
        var sampler = new MixedBatchSampler(new UniformRatioPrior(), numSets: 3);
        using var batch = sampler.Sample(real, fake, g);

        Assert.Equal(new long[] { 12, 3 }, batch.Mixed.shape);
        Assert.Equal(ScalarType.Bool, batch.Mask.dtype);
        Assert.Equal(new long[] { 12 }, batch.Mask.shape);
        Assert.Equal(new long[] { 3 }, batch.Target.shape);
        Assert.Equal(new long[] { 3 }, batch.Ratio.shape);
        Assert.Equal(ScalarType.Float32, batch.Target.dtype);
        Assert.Equal(3, batch.NumSets);
        Assert.Equal(4, batch.SetSize);
        Assert.Null(batch.ComplementMixed);
        Assert.Null(batch.ComplementTarget);

        var r = real.data<float>().ToArray();
        var f = fake.data<float>().ToArray();
        var m = batch.Mixed.data<float>().ToArray();
        var mask = batch.Mask.data<bool>().ToArray();
        var target = batch.Target.data<float>().ToArray();
        for (int i = 0; i < 12; i++)
        {
            for (int c = 0; c < 3; c++)
            {
                Assert.Equal(mask[i] ? r[i * 3 + c] : f[i * 3 + c], m[i * 3 + c]);
            }
        }

        for (int j = 0; j < 3; j++)
        {
            // Set j = elements [4 j, 4 j + 4).
            Assert.Equal(mask.Skip(4 * j).Take(4).Count(x => x) / 4f, target[j]);
        }
    }

    [Fact]
    public void LeadingAxesHoldIndependentSetsAndTrailingAxesFollowTheirElement()
    {
        using var g = new Generator(2);
        using var real = torch.randn([2, 6, 3], dtype: ScalarType.Float64, generator: g);
        using var fake = torch.randn([2, 6, 3], dtype: ScalarType.Float64, generator: g);
        using var batch = new MixedBatchSampler(new UniformRatioPrior(), numSets: 2, setDim: 1).Sample(real, fake, g);
        Assert.Equal(new long[] { 2, 6 }, batch.Mask.shape);     // the layers' mask convention
        Assert.Equal(new long[] { 4 }, batch.Target.shape);      // 2 groups x 2 sets, row-major
        Assert.Equal(ScalarType.Float64, batch.Target.dtype);
        var r = real.data<double>().ToArray();
        var f = fake.data<double>().ToArray();
        var m = batch.Mixed.data<double>().ToArray();
        var mask = batch.Mask.data<bool>().ToArray();
        var target = batch.Target.data<double>().ToArray();
        for (int a = 0; a < 2; a++)
        {
            for (int i = 0; i < 6; i++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int idx = (a * 6 + i) * 3 + c;
                    Assert.Equal(mask[a * 6 + i] ? r[idx] : f[idx], m[idx]);
                }
            }

            for (int j = 0; j < 2; j++)
            {
                Assert.Equal(mask.Skip(a * 6 + 3 * j).Take(3).Count(x => x) / 3.0, target[a * 2 + j], 12);
            }
        }

        // Groups draw independently: over many groups the masks of group 0 and group 1 are not copies.
        using var many = new MixedBatchSampler(new UniformRatioPrior(), setDim: 1)
            .Sample(torch.ones([2, 256, 1]), torch.zeros([2, 256, 1]), g);
        Assert.False(many.Mask[0].eq(many.Mask[1]).all().item<bool>());

        using var batchNeg = new MixedBatchSampler(new UniformRatioPrior(), numSets: 3, setDim: -2).Sample(real, fake, g);
        Assert.Equal(new long[] { 6 }, batchNeg.Target.shape);
    }

    [Fact]
    public void ComplementPartitionsTheInputsExactly()
    {
        const int n = 64;
        using var real = torch.arange(0, n, dtype: ScalarType.Float32).reshape(n, 1);
        using var fake = torch.arange(n, 2 * n, dtype: ScalarType.Float32).reshape(n, 1);
        using var g = new Generator(3);
        using var batch = new MixedBatchSampler(new BatchSmoothingPrior(0.3), numSets: 4).Sample(real, fake, g, withComplement: true);
        Assert.NotNull(batch.ComplementMixed);
        Assert.NotNull(batch.ComplementTarget);
        var all = batch.Mixed.data<float>().ToArray().Concat(batch.ComplementMixed!.data<float>().ToArray()).OrderBy(x => x).ToArray();
        Assert.Equal(Enumerable.Range(0, 2 * n).Select(x => (float)x).ToArray(), all);

        var mask = batch.Mask.data<bool>().ToArray();
        var comp = batch.ComplementMixed.data<float>().ToArray();
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(mask[i] ? n + i : i, comp[i]);
        }

        var t = batch.Target.data<float>().ToArray();
        var ct = batch.ComplementTarget!.data<float>().ToArray();
        for (int j = 0; j < 4; j++)
        {
            Assert.Equal(1 - t[j], ct[j], 6);
        }
    }

    [Fact]
    public void SameSeedSameDrawsDifferentSeedsDiffer()
    {
        using var real = torch.ones(256);
        using var fake = torch.zeros(256);
        var sampler = new MixedBatchSampler(new BetaRatioPrior(2, 5), numSets: 4);
        bool[] Draw(ulong seed, out float[] ratio)
        {
            using var g = new Generator(seed);
            using var b = sampler.Sample(real, fake, g);
            ratio = b.Ratio.data<float>().ToArray();
            return b.Mask.data<bool>().ToArray();
        }

        var m1 = Draw(42, out var r1);
        var m2 = Draw(42, out var r2);
        var m3 = Draw(43, out var r3);
        Assert.Equal(m1, m2);
        Assert.Equal(r1, r2);
        Assert.NotEqual(m1, m3);
        Assert.NotEqual(r1, r3);
    }

    [Fact]
    public void GradientsFlowOnlyThroughTheChosenPositions()
    {
        using var g = new Generator(4);
        using var real = torch.randn([10, 2], dtype: ScalarType.Float64, generator: g).requires_grad_();
        using var fake = torch.randn([10, 2], dtype: ScalarType.Float64, generator: g).requires_grad_();
        using var w = torch.randn([10, 2], dtype: ScalarType.Float64, generator: g);
        using var batch = new MixedBatchSampler(new UniformRatioPrior(), numSets: 2).Sample(real, fake, g);
        using var loss = (batch.Mixed * w).sum();
        loss.backward();

        var mask = batch.Mask.data<bool>().ToArray();
        var wv = w.data<double>().ToArray();
        var gf = fake.grad!.data<double>().ToArray();
        var gr = real.grad!.data<double>().ToArray();
        for (int i = 0; i < 10; i++)
        {
            for (int c = 0; c < 2; c++)
            {
                int idx = i * 2 + c;
                Assert.Equal(mask[i] ? 0.0 : wv[idx], gf[idx]);
                Assert.Equal(mask[i] ? wv[idx] : 0.0, gr[idx]);
            }
        }
    }

    [Fact]
    public void NaNInADiscardedSampleDoesNotLeak()
    {
        using var real = torch.full([16], double.NaN, dtype: ScalarType.Float32);
        using var fake = torch.zeros(16);
        using var g = new Generator(5);
        // Positions taken from fake are exactly 0 (no NaN * 0), positions taken from real are NaN.
        using var batch = new MixedBatchSampler(new UniformRatioPrior()).Sample(real, fake, g);
        var mask = batch.Mask.data<bool>().ToArray();
        var m = batch.Mixed.data<float>().ToArray();
        for (int i = 0; i < 16; i++)
        {
            Assert.Equal(mask[i], float.IsNaN(m[i]));
        }
    }

    [Fact]
    public void MismatchedInputsAreRejectedWithTheShapes()
    {
        var sampler = new MixedBatchSampler(new UniformRatioPrior(), numSets: 3);
        using var a = torch.zeros(6, 2);
        using var b = torch.zeros(6, 3);
        var ex = Assert.Throws<ArgumentException>(() => sampler.Sample(a, b));
        Assert.Equal("fake", ex.ParamName);
        Assert.Contains("[6, 2]", ex.Message);
        Assert.Contains("[6, 3]", ex.Message);

        using var c = torch.zeros([6, 2], dtype: ScalarType.Float64);
        Assert.Equal("fake", Assert.Throws<ArgumentException>(() => sampler.Sample(a, c)).ParamName);

        using var d = torch.zeros(7, 2);
        var ex2 = Assert.Throws<ArgumentException>(() => sampler.Sample(d, d));
        Assert.Equal("numSets", ex2.ParamName);
        Assert.Contains("7", ex2.Message);

        using var scalar = torch.tensor(1f);
        Assert.Equal("real", Assert.Throws<ArgumentException>(() => sampler.Sample(scalar, scalar)).ParamName);
        Assert.Equal("numSets", Assert.Throws<ArgumentException>(() => new MixedBatchSampler(new UniformRatioPrior(), 0)).ParamName);
    }

    [Fact]
    public void FactoriesBuildTheTypes()
    {
        Assert.IsType<UniformRatioPrior>(sym.UniformRatioPrior());
        Assert.Equal(0.3, sym.BatchSmoothingPrior(0.3).Gamma);
        Assert.Equal(2, sym.BetaRatioPrior(2, 5).A);
        var s = sym.MixedBatchSampler(sym.UniformRatioPrior(), 2, 1);
        Assert.Equal(2, s.NumSets);
        Assert.Equal(1, s.SetDim);
        using var real = torch.ones(4);
        using var fake = torch.zeros(4);
        using var g = new Generator(8);
        using var b = sym.functional.mix_batches(real, fake, sym.UniformRatioPrior(), numSets: 2, generator: g, withComplement: true);
        Assert.Equal(new long[] { 2 }, b.ComplementTarget!.shape);
    }

    [Fact]
    public void HalfAndIntegerInputsGiveFloatingTargets()
    {
        using var g = new Generator(9);
        using var rh = torch.ones([8, 2], dtype: ScalarType.Float16);
        using var fh = torch.zeros([8, 2], dtype: ScalarType.Float16);
        using var bh = new MixedBatchSampler(new UniformRatioPrior(), 2).Sample(rh, fh, g);
        Assert.Equal(ScalarType.Float16, bh.Target.dtype);
        Assert.Equal(ScalarType.Float16, bh.Mixed.dtype);

        using var ri = torch.full([8, 2], 255, dtype: ScalarType.Byte);
        using var fi = torch.zeros([8, 2], dtype: ScalarType.Byte);
        using var bi = new MixedBatchSampler(new UniformRatioPrior(), 2).Sample(ri, fi, g);
        Assert.Equal(ScalarType.Float32, bi.Target.dtype);
        Assert.Equal(ScalarType.Byte, bi.Mixed.dtype);
        var mask = bi.Mask.data<bool>().ToArray();
        var m = bi.Mixed.data<byte>().ToArray();
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(mask[i] ? (byte)255 : (byte)0, m[2 * i]);
        }
    }
}
