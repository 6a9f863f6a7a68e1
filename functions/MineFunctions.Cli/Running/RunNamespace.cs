using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Running;

/// <summary>
/// Names of everything a local run touches in one storage account: containers, table prefix and
/// task hub. The default is the Functions app's; `--namespace NAME` isolates a run (tests, crash
/// checks, two experiments side by side) in the same Azurite.
/// </summary>
internal sealed record RunNamespace(string InputContainer, string ProductsContainer, string TablePrefix, string TaskHub)
{
    public static RunNamespace Default { get; } = new("mine-input", "mine-products", "", "minefunctions");

    public static RunNamespace Of(string? name)
    {
        if (string.IsNullOrEmpty(name)) return Default;
        if (name.Length > 20 || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)) || !char.IsAsciiLetterLower(name[0]))
            throw new Commands.UsageException($"--namespace '{name}' must be 1–20 lower-case letters or digits, starting with a letter.");
        return new($"{name}-input", $"{name}-products", name, name);
    }

    public WorkflowStorageOptions StorageOptions(string connectionString) => new()
    {
        ConnectionString = connectionString,
        InputContainer = InputContainer,
        ProductsContainer = ProductsContainer,
        TablePrefix = TablePrefix,
    };
}
