namespace SymmetricNets.Samples.MixtureOfGaussians;

/// <summary>One evaluation point of one run: its metrics, the last losses read and the training time so far.</summary>
/// <param name="Iteration">Iterations done.</param>
/// <param name="Metrics">The metrics of <see cref="SampleOptions.EvalSamples"/> generated samples.</param>
/// <param name="DiscriminatorLoss">Last discriminator loss.</param>
/// <param name="GeneratorLoss">Last generator loss.</param>
/// <param name="TrainSeconds">Training wall time so far (evaluation excluded).</param>
public sealed record EvalRecord(int Iteration, MetricResult Metrics, double DiscriminatorLoss, double GeneratorLoss, double TrainSeconds);
