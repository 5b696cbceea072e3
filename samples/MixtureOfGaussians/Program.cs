using SymmetricNets.Samples.MixtureOfGaussians;

try
{
    var options = OptionsParser.Parse(args);
    if (options.Help)
    {
        Console.WriteLine(HelpText.Text);
        return 0;
    }

    if (options.Aggregate.Count > 0)
    {
        Console.WriteLine(Aggregator.Run(options));
        Console.WriteLine($"tables written to {Path.GetFullPath(options.Out)}");
        return 0;
    }

    var runner = new ExperimentRunner(options);
    Console.WriteLine($"preset {options.Preset}: methods {string.Join(",", options.Methods.Select(GanMethods.Name))}, data sets {string.Join(",", options.Datasets)}, " +
                      $"{options.Seeds} seed(s), {options.Iterations} iterations, {options.Layers}x{options.Hidden} nets, batch {options.Batch}, " +
                      $"{options.DiscriminatorSteps} D steps, device {options.Device}, output {options.Out}");
    var started = DateTime.UtcNow;
    var runs = runner.Run();
    Console.WriteLine();
    Console.WriteLine(ResultTable.Markdown(ResultTable.Aggregate(runs), options.Preset));
    Console.WriteLine($"wall time {(DateTime.UtcNow - started).TotalSeconds:F1} s; results in {Path.GetFullPath(options.Out)}");
    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
