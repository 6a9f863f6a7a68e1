namespace MineFunctions.Cli.Commands;

/// <summary>
/// One benchmark run by `mine bench NAME` (each in its own file, found by reflection). A benchmark
/// prints a human table, then as its last line one JSON object with its figures. Ratios against a
/// reference measured in the same run, not absolute times, are what it reports.
/// </summary>
internal interface IBenchmark
{
    /// <summary>The word after `mine bench`, e.g. "coherence".</summary>
    string Name { get; }

    string Summary { get; }

    Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken);
}
