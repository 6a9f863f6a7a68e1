namespace MineFunctions.Cli.Commands;

/// <summary>
/// Every `mine` sub-command: each concrete <see cref="ICliCommand"/> in this assembly, found by
/// reflection so adding a command is adding one file. Listed alphabetically by name.
/// </summary>
internal static class CommandCatalog
{
    public static IReadOnlyList<ICliCommand> All { get; } = typeof(CommandCatalog).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICliCommand).IsAssignableFrom(t))
        .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
        .OrderBy(c => c.Name, StringComparer.Ordinal)
        .ToList();
}
