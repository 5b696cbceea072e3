using System.Diagnostics;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// A progress bar on stderr: run number, iteration, last D and G losses, ETA of the run and of the whole job. On a
/// terminal it redraws one line; when stderr is redirected it prints a plain line at every tenth of a run instead.
/// </summary>
public sealed class ProgressReporter
{
    private readonly TextWriter writer;
    private readonly bool interactive;
    private readonly bool enabled;
    private readonly int totalRuns;
    private readonly Stopwatch job = Stopwatch.StartNew();
    private int lastDecile = -1;

    /// <summary>Creates the reporter.</summary>
    /// <param name="totalRuns">Number of runs of the job.</param>
    /// <param name="enabled">False for <c>--quiet</c>.</param>
    /// <param name="writer">Where to write (stderr when null).</param>
    /// <param name="interactive">Redraw in place (defaults to: stderr is not redirected).</param>
    public ProgressReporter(int totalRuns, bool enabled, TextWriter? writer = null, bool? interactive = null)
    {
        this.totalRuns = totalRuns;
        this.enabled = enabled;
        this.writer = writer ?? Console.Error;
        this.interactive = interactive ?? !Console.IsErrorRedirected;
    }

    /// <summary>Reports progress of run <paramref name="run"/> (0-based).</summary>
    /// <param name="run">Index of the current run.</param>
    /// <param name="name">Run description, e.g. <c>grid BGAN seed 0</c>.</param>
    /// <param name="iteration">Iterations done.</param>
    /// <param name="iterations">Iterations of the run.</param>
    /// <param name="dLoss">Last discriminator loss.</param>
    /// <param name="gLoss">Last generator loss.</param>
    /// <param name="runSeconds">Seconds spent on this run so far.</param>
    public void Report(int run, string name, int iteration, int iterations, double dLoss, double gLoss, double runSeconds)
    {
        if (!enabled) return;
        double frac = (double)iteration / iterations;
        double runEta = frac > 0 ? runSeconds * (1 - frac) / frac : double.NaN;
        double done = run + frac;
        double jobEta = done > 0 ? job.Elapsed.TotalSeconds * (totalRuns - done) / done : double.NaN;
        const int width = 20;
        int filled = (int)Math.Round(frac * width);
        string bar = new string('#', filled) + new string('-', width - filled);
        string line = $"[{run + 1}/{totalRuns}] {name} it {iteration}/{iterations} [{bar}] D {dLoss:F4} G {gLoss:F4} ETA run {Format(runEta)} all {Format(jobEta)}";
        if (interactive)
        {
            writer.Write("\r" + line.PadRight(Math.Min(150, line.Length + 4)));
            if (iteration == iterations) writer.WriteLine();
        }
        else
        {
            int decile = (int)Math.Floor(frac * 10);
            if (decile == lastDecile && iteration != iterations) return;
            lastDecile = iteration == iterations ? -1 : decile;
            writer.WriteLine(line);
        }

        writer.Flush();
    }

    /// <summary>Formats seconds as <c>1h02m</c>, <c>3m05s</c> or <c>12s</c>.</summary>
    /// <param name="seconds">Seconds (NaN prints <c>?</c>).</param>
    public static string Format(double seconds)
    {
        if (double.IsNaN(seconds) || double.IsInfinity(seconds)) return "?";
        var t = TimeSpan.FromSeconds(Math.Max(0, seconds));
        if (t.TotalHours >= 1) return $"{(int)t.TotalHours}h{t.Minutes:D2}m";
        if (t.TotalMinutes >= 1) return $"{t.Minutes}m{t.Seconds:D2}s";
        return $"{t.Seconds}s";
    }
}
