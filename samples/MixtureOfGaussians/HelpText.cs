namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>The <c>--help</c> text.</summary>
public static class HelpText
{
    /// <summary>The text.</summary>
    public const string Text = """
        MixtureOfGaussians: mode dropping on 2-D mixtures of Gaussians (Lucas et al., ICML 2018, section 5.1, Fig. 3).

        Usage: dotnet run -c Release --project samples/MixtureOfGaussians -- [--preset quick|medium|paper] [flags]

        Presets (flags given as well override the preset):
          paper    the paper's setting: G and D with 3 hidden layers of 512 ReLU units, latent 2-D N(0, I),
                   Adam lr 1e-3 betas 0.9/0.999, batch 128, 5 D steps per G step, 20,000 iterations, every
                   method on ring and grid (default). Measured on an idle 2-core CPU: 86 (GAN) to 95 (BGAN)
                   ms/iteration with 2 threads, 123-148 with 1 thread: about 30 min per run.
          quick    BGAN against the standard GAN on the grid, 128-unit nets, 3,000 iterations, 1 thread:
                   12 + 19 ms/iteration measured on an idle 2-core CPU, 93 s of training, 1 min 45 s for the
                   whole dotnet run (all six methods would take about 5 min idle, far more on a busy machine).
          medium   every method on ring and grid, 64-unit nets, 4,000 iterations, 1 thread (the multi-seed table of
                   docs/results-2d.md).

        Flags:
          --methods LIST      comma-separated: gan, mixup, bgan, mbgan, pacgan, mbstd, or all
          --datasets LIST     ring, grid or ring,grid
          --seeds N           runs per method and data set (seeds S..S+N-1); prints mean +- standard error
          --seed S            first seed (0)
          --iterations N      generator iterations
          --hidden N          hidden units of G and D          --layers N     hidden layers of G and D
          --latent N          latent dimension                 --batch N      batch size
          --d-steps N         discriminator steps per generator step
          --lr X | --lr-d X | --lr-g X                          Adam learning rates
          --beta1 X  --beta2 X                                  Adam betas
          --gamma X           batch smoothing gamma of BGAN / M-BGAN, in [0, 0.5] (0.5: uniform ratio)
          --mixup-max X       mixup: weight of the other sample ~ Uniform(0, X), X in [0, 1] (0.5)
          --pack K            PacGAN pack size (4); the batch is cut into batch / K packs
          --std X             standard deviation of every mode (0.01)
          --radius X          ring radius (1)                  --spacing X    grid spacing (0.5)
          --eval-samples N    generated samples per evaluation (2,500)
          --eval-every N      evaluate every N iterations, besides the snapshots and the end (0: only those)
          --log-every N       read the losses every N iterations (100)
          --snapshots LIST    figure columns, e.g. 10,100,1000,10000,20000 (those beyond --iterations are dropped)
          --device D          torch device: cpu, cuda, cuda:1 (a CUDA build needs -p:TorchBackend=cuda-linux)
          --threads N         torch.set_num_threads(N)
          --out DIR           output folder (out/mog)
          --aggregate LIST    no training: tabulate the summary.json of finished jobs (folders, comma-separated)
                      into one table.md / table.csv in --out (e.g. the same preset run with other seeds)
          --quiet             no progress bar
          --help              this text

        Metrics (VEEGAN/PacGAN protocol, 2,500 samples): a sample is high quality (HQ) within 3 std of its nearest
        mode; modes = modes with at least one HQ sample; HQ % ; reverse KL = KL(q || uniform), q the normalised
        histogram of the HQ samples over the modes (nats, 0 log 0 = 0).

        Outputs in --out: metrics.csv (every evaluation), summary.json, table.md and table.csv (mean +- s.e. per
        method and data set), samples/{dataset}-{method}-seed{s}.csv (final 2,500 points, x,y),
        fig3-{dataset}-seed{s}.png (one row per method, one column per snapshot, red crosses = mode centres).
        Every file states the preset.
        """;
}
