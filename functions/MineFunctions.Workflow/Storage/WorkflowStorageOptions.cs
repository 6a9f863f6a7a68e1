using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Workflow.Storage;

/// <summary>Where the pipeline's containers and tables live.</summary>
public sealed record WorkflowStorageOptions
{
    public const string SectionName = "MineFunctions:Storage";

    public required string ConnectionString { get; init; }

    public string InputContainer { get; init; } = ContainerName.DefaultInput;

    public string ProductsContainer { get; init; } = ContainerName.DefaultProducts;

    /// <summary>Prefix of the result table names (lets several deployments or tests share an account).</summary>
    public string TablePrefix { get; init; } = "";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString)) throw new InvalidOperationException("A storage connection string is required.");
        ContainerName.Validate(InputContainer);
        ContainerName.Validate(ProductsContainer);
        if (InputContainer == ProductsContainer) throw new InvalidOperationException("The input and product containers must differ.");
        if (TablePrefix.Any(c => !char.IsAsciiLetterOrDigit(c))) throw new InvalidOperationException($"Table prefix '{TablePrefix}' may hold letters and digits only.");
    }
}
