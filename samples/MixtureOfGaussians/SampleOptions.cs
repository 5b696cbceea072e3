namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>Every setting of the sample; the defaults are the paper's (section 5.1), i.e. <c>--preset paper</c>.</summary>
public sealed class SampleOptions
{
    /// <summary>The preset the settings started from (<c>paper</c>, <c>quick</c> or <c>medium</c>), written into every result.</summary>
    public string Preset { get; set; } = "paper";

    /// <summary>Methods to train, in order.</summary>
    public IReadOnlyList<GanMethod> Methods { get; set; } = GanMethods.All;

    /// <summary>Data sets (<c>ring</c>, <c>grid</c>).</summary>
    public IReadOnlyList<string> Datasets { get; set; } = ["ring", "grid"];

    /// <summary>Number of seeds per method and data set (seeds <see cref="FirstSeed"/>, +1, ...).</summary>
    public int Seeds { get; set; } = 1;

    /// <summary>The first seed.</summary>
    public int FirstSeed { get; set; }

    /// <summary>Generator iterations (each with <see cref="DiscriminatorSteps"/> discriminator steps).</summary>
    public int Iterations { get; set; } = 20_000;

    /// <summary>Hidden width of G and D.</summary>
    public int Hidden { get; set; } = 512;

    /// <summary>Number of hidden layers of G and D.</summary>
    public int Layers { get; set; } = 3;

    /// <summary>Latent dimension (standard Gaussian).</summary>
    public int Latent { get; set; } = 2;

    /// <summary>Batch size (real and generated samples per step).</summary>
    public int Batch { get; set; } = 128;

    /// <summary>Discriminator steps per generator step.</summary>
    public int DiscriminatorSteps { get; set; } = 5;

    /// <summary>Adam learning rate of the discriminator.</summary>
    public double LrD { get; set; } = 1e-3;

    /// <summary>Adam learning rate of the generator.</summary>
    public double LrG { get; set; } = 1e-3;

    /// <summary>Adam beta1.</summary>
    public double Beta1 { get; set; } = 0.9;

    /// <summary>Adam beta2.</summary>
    public double Beta2 { get; set; } = 0.999;

    /// <summary>Batch smoothing gamma of BGAN and M-BGAN (0 = pure batches, 0.5 = uniform ratio).</summary>
    public double Gamma { get; set; } = 0.5;

    /// <summary>Mixup: the weight of the other sample is drawn from Uniform(0, m).</summary>
    public double MixupMax { get; set; } = 0.5;

    /// <summary>PacGAN pack size k.</summary>
    public int Pack { get; set; } = 4;

    /// <summary>Standard deviation of every mode.</summary>
    public double Std { get; set; } = 0.01;

    /// <summary>Radius of the ring.</summary>
    public double Radius { get; set; } = 1.0;

    /// <summary>Spacing of the grid.</summary>
    public double Spacing { get; set; } = 0.5;

    /// <summary>Generated samples per evaluation.</summary>
    public int EvalSamples { get; set; } = 2_500;

    /// <summary>Evaluate every this many iterations (besides the snapshot iterations and the last one); 0: only those.</summary>
    public int EvalEvery { get; set; } = 1_000;

    /// <summary>Read the losses (a host synchronisation) every this many iterations.</summary>
    public int LogEvery { get; set; } = 100;

    /// <summary>Iterations at which the figure shows the generated samples (Fig. 3: 10, 100, 1000, 10000, 20000).</summary>
    public IReadOnlyList<int> Snapshots { get; set; } = [10, 100, 1_000, 10_000, 20_000];

    /// <summary>Torch device (<c>cpu</c>, <c>cuda</c>, <c>cuda:1</c>).</summary>
    public string Device { get; set; } = "cpu";

    /// <summary>Torch intra-op threads; 0 leaves TorchSharp's default.</summary>
    public int Threads { get; set; }

    /// <summary>Output folder.</summary>
    public string Out { get; set; } = "out/mog";

    /// <summary>Folders (or summary.json files) whose runs are tabulated together instead of training; empty: train.</summary>
    public IReadOnlyList<string> Aggregate { get; set; } = [];

    /// <summary>No progress bar.</summary>
    public bool Quiet { get; set; }

    /// <summary>Print the help and exit.</summary>
    public bool Help { get; set; }

    /// <summary>The snapshot iterations that training reaches.</summary>
    public IReadOnlyList<int> ActiveSnapshots => Snapshots.Where(s => s >= 1 && s <= Iterations).Distinct().Order().ToArray();
}
