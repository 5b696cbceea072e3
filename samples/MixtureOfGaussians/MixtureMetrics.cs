namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// The mode-dropping protocol of VEEGAN (Srivastava et al., 2017) and PacGAN (Lin et al., 2018) for a mixture of
/// isotropic Gaussians with standard deviation sigma:
/// <list type="bullet">
/// <item>a generated sample is <em>high quality</em> (HQ) when its Euclidean distance to the nearest mode centre is at
/// most <c>3 sigma</c> (the threshold is inclusive);</item>
/// <item>a mode is <em>captured</em> when at least one HQ sample has it as its nearest mode;</item>
/// <item>the <em>reverse KL</em> is <c>KL(q || u) = sum_{i: q_i &gt; 0} q_i log(M q_i)</c> in nats, where
/// <c>q_i = n_i / sum_j n_j</c> is the normalised histogram of the HQ samples over the M modes (each HQ sample counted at
/// its nearest mode), u is uniform on the M modes, and <c>0 log 0 = 0</c>. It is 0 when the HQ samples are spread
/// evenly, <c>log M</c> when they all fall on one mode, and undefined (NaN) when there is no HQ sample.</item>
/// </list>
/// Ties between equidistant centres go to the lower mode index.
/// </summary>
public static class MixtureMetrics
{
    /// <summary>Evaluates samples given as interleaved coordinates <c>x0, y0, x1, y1, ...</c>.</summary>
    /// <param name="xy">The samples, length <c>2 n</c>.</param>
    /// <param name="centres">Mode centres <c>[M, 2]</c>.</param>
    /// <param name="std">Standard deviation sigma of the modes.</param>
    /// <param name="thresholdStds">The HQ radius in units of sigma (3).</param>
    /// <exception cref="ArgumentException">Odd length, no mode, or a non-positive std or threshold.</exception>
    public static MetricResult Evaluate(ReadOnlySpan<float> xy, double[,] centres, double std, double thresholdStds = 3.0)
    {
        if (xy.Length % 2 != 0) throw new ArgumentException($"xy must hold pairs of coordinates; got length {xy.Length}.", nameof(xy));
        int m = centres.GetLength(0);
        if (m < 1 || centres.GetLength(1) != 2) throw new ArgumentException($"centres must be [M, 2] with M >= 1; got [{m}, {centres.GetLength(1)}].", nameof(centres));
        if (!(std > 0)) throw new ArgumentException($"std must be positive; got {std}.", nameof(std));
        if (!(thresholdStds > 0)) throw new ArgumentException($"thresholdStds must be positive; got {thresholdStds}.", nameof(thresholdStds));

        double radius2 = (thresholdStds * std) * (thresholdStds * std);
        var histogram = new int[m];
        int n = xy.Length / 2, hq = 0;
        for (int i = 0; i < n; i++)
        {
            double x = xy[2 * i], y = xy[2 * i + 1];
            int best = -1;
            double bestD2 = double.PositiveInfinity;
            for (int k = 0; k < m; k++)
            {
                double dx = x - centres[k, 0], dy = y - centres[k, 1];
                double d2 = dx * dx + dy * dy;
                if (d2 < bestD2) { bestD2 = d2; best = k; }
            }

            if (best >= 0 && bestD2 <= radius2) { histogram[best]++; hq++; }
        }

        int captured = histogram.Count(c => c > 0);
        return new MetricResult(n, hq, captured, m, ReverseKl(histogram), histogram);
    }

    /// <summary><c>KL(q || uniform)</c> of a histogram over modes (nats, <c>0 log 0 = 0</c>); NaN for an empty histogram.</summary>
    /// <param name="histogram">Counts per mode.</param>
    public static double ReverseKl(IReadOnlyList<int> histogram)
    {
        long total = histogram.Sum(c => (long)c);
        if (total == 0) return double.NaN;
        double m = histogram.Count, kl = 0;
        foreach (var c in histogram)
        {
            if (c == 0) continue;
            double q = (double)c / total;
            kl += q * Math.Log(m * q);
        }

        return Math.Max(0.0, kl);
    }
}
