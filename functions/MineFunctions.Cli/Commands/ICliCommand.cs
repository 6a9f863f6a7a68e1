namespace MineFunctions.Cli.Commands;

/// <summary>One `mine` sub-command. Each lives in its own file and is listed in <see cref="CommandCatalog"/>.</summary>
internal interface ICliCommand
{
    /// <summary>The word after `mine`, e.g. "version" or "bench".</summary>
    string Name { get; }

    /// <summary>One line for `mine --help`.</summary>
    string Summary { get; }

    /// <summary>Full usage text for `mine NAME --help`.</summary>
    string Usage { get; }

    Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken);
}
