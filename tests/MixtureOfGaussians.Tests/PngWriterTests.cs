using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SymmetricNets.Samples.MixtureOfGaussians.Tests;

public sealed class PngWriterTests
{
    [Fact]
    public void CrcMatchesTheKnownIendValue() =>
        // Every PNG ends with the IEND chunk whose CRC is AE 42 60 82.
        Assert.Equal(0xAE426082u, PngWriter.Crc32(Encoding.ASCII.GetBytes("IEND")));

    [Fact]
    public void EncodedPixelsDecodeBack()
    {
        var canvas = new Canvas(7, 3);
        canvas.Set(2, 1, (10, 20, 30));
        canvas.Text(0, 0, "A", 1, (0, 0, 0));
        var png = canvas.ToPng();
        var decoded = Decode(png, out int w, out int h);
        Assert.Equal((7, 3), (w, h));
        for (int y = 0; y < 3; y++)
        for (int x = 0; x < 7; x++)
        {
            var c = canvas.Get(x, y);
            Assert.Equal(new[] { c.R, c.G, c.B }, decoded.AsSpan((y * 7 + x) * 3, 3).ToArray());
        }

        Assert.Equal((byte)10, decoded[(1 * 7 + 2) * 3]);
    }

    [Fact]
    public void FontCoversTheFigureLabels()
    {
        foreach (var c in "GAN MIXUP BGAN M-BGAN PACGAN4 MBSTD IT 20000 GRID RING PRESET QUICK SEED 3X128 NETS")
            Assert.True(BitmapFont.Has(c), $"no glyph for '{c}'");
    }

    /// <summary>Minimal decoder for the writer's output (RGB, 8 bits, filter 0, one IDAT).</summary>
    internal static byte[] Decode(byte[] png, out int width, out int height)
    {
        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        int pos = 8;
        width = height = 0;
        using var idat = new MemoryStream();
        while (pos < png.Length)
        {
            int len = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = Encoding.ASCII.GetString(png, pos + 4, 4);
            var body = png.AsSpan(pos + 8, len);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos + 8 + len));
            Assert.Equal(crc, PngWriter.Crc32(png.AsSpan(pos + 4, len + 4)));
            if (type == "IHDR") { width = BinaryPrimitives.ReadInt32BigEndian(body); height = BinaryPrimitives.ReadInt32BigEndian(body[4..]); Assert.Equal(8, body[8]); Assert.Equal(2, body[9]); }
            if (type == "IDAT") idat.Write(body);
            pos += 12 + len;
        }

        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        z.CopyTo(raw);
        var bytes = raw.ToArray();
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            Assert.Equal(0, bytes[y * (width * 3 + 1)]);
            Array.Copy(bytes, y * (width * 3 + 1) + 1, rgb, y * width * 3, width * 3);
        }

        return rgb;
    }
}
