using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// Runs every method on every data set for every seed, evaluates, and writes the outputs through a
/// <see cref="ResultWriter"/> as soon as each run ends (so a long job leaves partial results).
/// </summary>
public sealed class ExperimentRunner
{
    private readonly SampleOptions options;
    private readonly Device device;

    /// <summary>Creates the runner.</summary>
    /// <param name="options">Settings.</param>
    public ExperimentRunner(SampleOptions options)
    {
        this.options = options;
        try
        {
            device = torch.device(options.Device);
        }
        catch (Exception e) when (e is not ArgumentException)
        {
            throw new ArgumentException($"--device: '{options.Device}' is not a usable torch device ({e.Message.Split('\n')[0].Trim()}); a CUDA device needs a build with -p:TorchBackend=cuda-linux and a GPU.");
        }

        if (device.type == DeviceType.CUDA && !torch.cuda.is_available())
            throw new ArgumentException($"--device {options.Device}: CUDA is not available (build with -p:TorchBackend=cuda-linux and run on a machine with a GPU).");
    }

    /// <summary>Runs the whole job and returns every run.</summary>
    public IReadOnlyList<RunResult> Run()
    {
        if (options.Threads > 0) torch.set_num_threads(options.Threads);
        var writer = new ResultWriter(options);
        var runs = new List<RunResult>();
        int total = options.Datasets.Count * options.Seeds * options.Methods.Count;
        var progress = new ProgressReporter(total, !options.Quiet);
        int index = 0;
        foreach (var name in options.Datasets)
        {
            var data = MixtureDataset.Create(name, options);
            for (int s = 0; s < options.Seeds; s++)
            {
                int seed = options.FirstSeed + s;
                var group = new List<RunResult>();
                foreach (var method in options.Methods)
                {
                    var run = TrainOne(data, method, seed, index++, progress);
                    runs.Add(run);
                    group.Add(run);
                    writer.WriteRun(run, runs);
                }

                writer.WriteFigure(data, seed, group);
            }
        }

        return runs;
    }

    /// <summary>Trains one method on one data set with one seed and evaluates it along the way.</summary>
    /// <param name="data">The data set.</param>
    /// <param name="method">The method.</param>
    /// <param name="seed">Seed of the initial weights and of every random draw.</param>
    /// <param name="index">Index of the run in the job (for the progress bar).</param>
    /// <param name="progress">The progress bar.</param>
    public RunResult TrainOne(MixtureDataset data, GanMethod method, int seed, int index, ProgressReporter progress)
    {
        string label = GanMethods.Label(method, options.Pack);
        string name = $"{data.Name} {label} seed {seed}";
        torch.manual_seed(seed);
        using var random = new torch.Generator((ulong)seed, device);
        using var evalRandom = new torch.Generator((ulong)seed + 1_000_003UL, device);
        using var zEval = torch.randn([options.EvalSamples, options.Latent], dtype: ScalarType.Float32, device: device, generator: evalRandom);
        using var trainer = TrainerFactory.Create(method, options, data, device, random);
        var snapshots = options.ActiveSnapshots.ToHashSet();
        var evaluations = new List<EvalRecord>();
        var images = new Dictionary<int, float[]>();
        var clock = new Stopwatch();
        double dLoss = double.NaN, gLoss = double.NaN;
        for (int it = 1; it <= options.Iterations; it++)
        {
            clock.Start();
            trainer.Step();
            bool log = it % options.LogEvery == 0 || it == options.Iterations;
            bool snap = snapshots.Contains(it);
            bool eval = snap || it == options.Iterations || (options.EvalEvery > 0 && it % options.EvalEvery == 0);
            if (log || eval)
            {
                // The only host synchronisations: at logging and evaluation points.
                dLoss = trainer.LastDiscriminatorLoss!.item<float>();
                gLoss = trainer.LastGeneratorLoss!.item<float>();
            }

            clock.Stop();
            if (log) progress.Report(index, name, it, options.Iterations, dLoss, gLoss, clock.Elapsed.TotalSeconds);
            if (!eval) continue;
            using var generated = trainer.Generate(zEval);
            var xy = generated.cpu().data<float>().ToArray();
            evaluations.Add(new EvalRecord(it, MixtureMetrics.Evaluate(xy, data.Centres, data.Std), dLoss, gLoss, clock.Elapsed.TotalSeconds));
            if (snap || it == options.Iterations) images[it] = xy;
        }

        double ms = clock.Elapsed.TotalMilliseconds / options.Iterations;
        return new RunResult(data.Name, method, label, seed, evaluations, images, ms);
    }
}
