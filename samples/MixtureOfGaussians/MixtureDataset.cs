using TorchSharp;
using static TorchSharp.torch;

namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>
/// A 2-D mixture of equally weighted isotropic Gaussians with standard deviation <see cref="Std"/>: the
/// <c>ring</c> (modes at angles <c>2 pi k / M</c> on a circle) or the <c>grid</c> (a square lattice).
/// </summary>
public sealed class MixtureDataset
{
    private MixtureDataset(string name, double[,] centres, double std)
    {
        Name = name;
        Centres = centres;
        Std = std;
    }

    /// <summary><c>ring</c> or <c>grid</c>.</summary>
    public string Name { get; }

    /// <summary>The mode centres, <c>[M, 2]</c>.</summary>
    public double[,] Centres { get; }

    /// <summary>The number M of modes.</summary>
    public int ModeCount => Centres.GetLength(0);

    /// <summary>The standard deviation of every mode.</summary>
    public double Std { get; }

    /// <summary>Half the side of the square that the figures show, centred at the origin.</summary>
    public double PlotExtent
    {
        get
        {
            double max = 0;
            for (int i = 0; i < ModeCount; i++) max = Math.Max(max, Math.Max(Math.Abs(Centres[i, 0]), Math.Abs(Centres[i, 1])));
            return max * 1.5 + 0.1;
        }
    }

    /// <summary>The ring: <paramref name="modes"/> Gaussians at angles <c>2 pi k / modes</c> on a circle.</summary>
    /// <param name="modes">Number of modes (the paper: 8).</param>
    /// <param name="radius">Radius of the circle (1).</param>
    /// <param name="std">Standard deviation of each mode (0.01).</param>
    public static MixtureDataset Ring(int modes = 8, double radius = 1.0, double std = 0.01)
    {
        Check(modes, std);
        if (!(radius > 0)) throw new ArgumentException($"--radius must be positive; got {radius}.");
        var c = new double[modes, 2];
        for (int k = 0; k < modes; k++)
        {
            double a = 2 * Math.PI * k / modes;
            c[k, 0] = radius * Math.Cos(a);
            c[k, 1] = radius * Math.Sin(a);
        }

        return new MixtureDataset("ring", c, std);
    }

    /// <summary>The grid: <c>side x side</c> Gaussians at <c>{-(side-1)/2, ..., (side-1)/2} * spacing</c> in each coordinate.</summary>
    /// <param name="side">Modes per side (the paper: 5, so 25 modes).</param>
    /// <param name="spacing">Distance between neighbouring modes (0.5, so the lattice spans [-1, 1]^2).</param>
    /// <param name="std">Standard deviation of each mode (0.01).</param>
    public static MixtureDataset Grid(int side = 5, double spacing = 0.5, double std = 0.01)
    {
        Check(side * side, std);
        if (!(spacing > 0)) throw new ArgumentException($"--spacing must be positive; got {spacing}.");
        var c = new double[side * side, 2];
        double offset = (side - 1) / 2.0;
        for (int i = 0; i < side; i++)
        for (int j = 0; j < side; j++)
        {
            c[i * side + j, 0] = (i - offset) * spacing;
            c[i * side + j, 1] = (j - offset) * spacing;
        }

        return new MixtureDataset("grid", c, std);
    }

    /// <summary>Builds a data set by name.</summary>
    /// <param name="name"><c>ring</c> or <c>grid</c>.</param>
    /// <param name="options">Supplies std, radius and spacing.</param>
    public static MixtureDataset Create(string name, SampleOptions options) => name switch
    {
        "ring" => Ring(8, options.Radius, options.Std),
        "grid" => Grid(5, options.Spacing, options.Std),
        _ => throw new ArgumentException($"--datasets: unknown data set '{name}'; expected ring, grid or both (ring,grid)."),
    };

    /// <summary>Draws <paramref name="count"/> samples, <c>[count, 2]</c> float32, on <paramref name="device"/>, without host synchronisation.</summary>
    /// <param name="count">Number of samples.</param>
    /// <param name="centres">The centres as a float32 tensor on the device (see <see cref="CentresTensor"/>).</param>
    /// <param name="generator">The seeded random generator.</param>
    public Tensor Sample(long count, Tensor centres, Generator generator)
    {
        using var scope = torch.NewDisposeScope();
        var idx = torch.randint(ModeCount, [count], dtype: ScalarType.Int64, device: centres.device, generator: generator);
        var noise = torch.randn([count, 2], dtype: ScalarType.Float32, device: centres.device, generator: generator);
        return (centres.index_select(0, idx) + noise * Std).MoveToOuterDisposeScope();
    }

    /// <summary>The centres as a float32 tensor <c>[M, 2]</c> on <paramref name="device"/>.</summary>
    /// <param name="device">The training device.</param>
    public Tensor CentresTensor(Device device)
    {
        var flat = new float[ModeCount * 2];
        for (int i = 0; i < ModeCount; i++) { flat[2 * i] = (float)Centres[i, 0]; flat[2 * i + 1] = (float)Centres[i, 1]; }
        return torch.tensor(flat, [ModeCount, 2], device: device);
    }

    private static void Check(int modes, double std)
    {
        if (modes < 1) throw new ArgumentException($"A mixture needs at least one mode; got {modes}.");
        if (!(std > 0)) throw new ArgumentException($"--std must be positive; got {std}.");
    }
}
