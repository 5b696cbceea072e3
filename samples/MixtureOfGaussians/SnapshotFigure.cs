namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// The Fig. 3-style grid: one row per method, one column per snapshot iteration, each cell a scatter plot of the
/// generated samples (blue) over the real mode centres (red crosses), on the same square window for every cell.
/// </summary>
public static class SnapshotFigure
{
    /// <summary>Cell side in pixels.</summary>
    public const int Cell = 150;

    private const int Left = 70, Top = 34, Gap = 6;
    private static readonly (byte, byte, byte) Ink = (20, 20, 20), Point = (30, 90, 200), Mode = (220, 30, 30), Border = (160, 160, 160);

    /// <summary>Renders the figure as a PNG.</summary>
    /// <param name="data">The data set (mode centres, window).</param>
    /// <param name="runs">One run per row, each with the same snapshot iterations.</param>
    /// <param name="title">The title line (states the preset).</param>
    public static byte[] Render(MixtureDataset data, IReadOnlyList<RunResult> runs, string title)
    {
        var iterations = runs.SelectMany(r => r.Snapshots.Keys).Distinct().Order().ToArray();
        int width = Left + iterations.Length * (Cell + Gap) + Gap;
        int height = Top + 14 + runs.Count * (Cell + Gap) + Gap;
        var canvas = new Canvas(width, height);
        canvas.Text(Gap, 6, title, 1, Ink);
        for (int c = 0; c < iterations.Length; c++)
            canvas.Text(Left + c * (Cell + Gap) + 4, Top, $"IT {iterations[c]}", 1, Ink);
        double extent = data.PlotExtent;
        for (int r = 0; r < runs.Count; r++)
        {
            int y0 = Top + 14 + r * (Cell + Gap);
            canvas.Text(Gap, y0 + Cell / 2 - 4, runs[r].Label, 1, Ink);
            for (int c = 0; c < iterations.Length; c++)
            {
                int x0 = Left + c * (Cell + Gap);
                canvas.Frame(x0, y0, Cell, Cell, Border);
                if (runs[r].Snapshots.TryGetValue(iterations[c], out var xy)) DrawCell(canvas, x0, y0, data, xy, extent);
            }
        }

        return canvas.ToPng();
    }

    private static void DrawCell(Canvas canvas, int x0, int y0, MixtureDataset data, float[] xy, double extent)
    {
        int Px(double v) => x0 + (int)Math.Round((v + extent) / (2 * extent) * (Cell - 1));
        int Py(double v) => y0 + (int)Math.Round((extent - v) / (2 * extent) * (Cell - 1));
        for (int k = 0; k < data.ModeCount; k++)
        {
            int px = Px(data.Centres[k, 0]), py = Py(data.Centres[k, 1]);
            for (int d = -3; d <= 3; d++) { canvas.Set(px + d, py, Mode); canvas.Set(px, py + d, Mode); }
        }

        for (int i = 0; i + 1 < xy.Length; i += 2)
        {
            if (!float.IsFinite(xy[i]) || !float.IsFinite(xy[i + 1]) || Math.Abs(xy[i]) > extent || Math.Abs(xy[i + 1]) > extent) continue;
            int px = Px(xy[i]), py = Py(xy[i + 1]);
            canvas.Set(px, py, Point);
            canvas.Set(px + 1, py, Point);
        }
    }
}
