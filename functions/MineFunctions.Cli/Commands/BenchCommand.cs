namespace MineFunctions.Cli.Commands;

/// <summary>`mine bench NAME [options]`, or `mine bench all`: runs the benchmarks found by reflection.</summary>
internal sealed class BenchCommand : ICliCommand
{
    private static readonly IReadOnlyList<IBenchmark> Benchmarks = typeof(BenchCommand).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IBenchmark).IsAssignableFrom(t))
        .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
        .OrderBy(b => b.Name, StringComparer.Ordinal)
        .ToList();

    public string Name => "bench";
    public string Summary => "Run a benchmark (coherence, io, workflow, ... or all) and print ratios against a reference.";

    public string Usage =>
        "mine bench <name>|all [options]\n" +
        string.Join("\n", Benchmarks.Select(b => $"  {b.Name,-12} {b.Summary}"));

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var name = args.Positionals.FirstOrDefault() ?? throw new UsageException("Name a benchmark, or 'all'.");
        if (name == "all")
        {
            args.RejectUnknown();
            var worst = 0;
            foreach (var b in Benchmarks)
            {
                output.WriteLine($"## bench {b.Name}");
                worst = Math.Max(worst, await b.RunAsync(new CliArguments([]), output, cancellationToken));
            }
            return worst;
        }

        var bench = Benchmarks.FirstOrDefault(b => b.Name == name)
            ?? throw new UsageException($"Unknown benchmark '{name}'. Known: {string.Join(", ", Benchmarks.Select(b => b.Name))}.");
        return await bench.RunAsync(args, output, cancellationToken);
    }
}
