namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>An RGB raster with the few drawing operations the figures need.</summary>
public sealed class Canvas
{
    private readonly byte[] rgb;

    /// <summary>Creates a white canvas.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    public Canvas(int width, int height)
    {
        Width = width;
        Height = height;
        rgb = new byte[width * height * 3];
        Array.Fill(rgb, (byte)255);
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Sets one pixel (ignored outside the canvas).</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    /// <param name="c">Colour.</param>
    public void Set(int x, int y, (byte R, byte G, byte B) c)
    {
        if (x < 0 || y < 0 || x >= Width || y >= Height) return;
        int i = (y * Width + x) * 3;
        rgb[i] = c.R; rgb[i + 1] = c.G; rgb[i + 2] = c.B;
    }

    /// <summary>The colour of one pixel.</summary>
    /// <param name="x">Column.</param>
    /// <param name="y">Row.</param>
    public (byte R, byte G, byte B) Get(int x, int y)
    {
        int i = (y * Width + x) * 3;
        return (rgb[i], rgb[i + 1], rgb[i + 2]);
    }

    /// <summary>Fills a rectangle.</summary>
    /// <param name="x">Left.</param>
    /// <param name="y">Top.</param>
    /// <param name="w">Width.</param>
    /// <param name="h">Height.</param>
    /// <param name="c">Colour.</param>
    public void Fill(int x, int y, int w, int h, (byte, byte, byte) c)
    {
        for (int j = y; j < y + h; j++)
        for (int i = x; i < x + w; i++) Set(i, j, c);
    }

    /// <summary>Draws a one-pixel rectangle outline.</summary>
    /// <param name="x">Left.</param>
    /// <param name="y">Top.</param>
    /// <param name="w">Width.</param>
    /// <param name="h">Height.</param>
    /// <param name="c">Colour.</param>
    public void Frame(int x, int y, int w, int h, (byte, byte, byte) c)
    {
        Fill(x, y, w, 1, c); Fill(x, y + h - 1, w, 1, c);
        Fill(x, y, 1, h, c); Fill(x + w - 1, y, 1, h, c);
    }

    /// <summary>Draws text with <see cref="BitmapFont"/> (upper case), top-left at (x, y).</summary>
    /// <param name="x">Left.</param>
    /// <param name="y">Top.</param>
    /// <param name="text">Text; letters are drawn in upper case, unknown characters as blanks.</param>
    /// <param name="scale">Pixels per font pixel.</param>
    /// <param name="c">Colour.</param>
    public void Text(int x, int y, string text, int scale, (byte, byte, byte) c)
    {
        foreach (var ch in text.ToUpperInvariant())
        {
            var rows = BitmapFont.Glyph(ch);
            for (int r = 0; r < BitmapFont.Height; r++)
            for (int col = 0; col < BitmapFont.Width; col++)
                if (rows[r][col] == '#') Fill(x + col * scale, y + r * scale, scale, scale, c);
            x += (BitmapFont.Width + 1) * scale;
        }
    }

    /// <summary>The PNG file of the canvas.</summary>
    public byte[] ToPng() => PngWriter.Encode(Width, Height, rgb);
}
