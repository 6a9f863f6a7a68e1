namespace MineFunctions.Cli.LocalEngine;

/// <summary>Which Durable Task backend the local engine runs on.</summary>
public enum EngineKind
{
    /// <summary>Azure Storage backend (the one Durable Functions uses in Azure) on Azurite or a real account: state survives a crash.</summary>
    AzureStorage,

    /// <summary>In-memory backend: fastest, nothing survives the process.</summary>
    Memory,
}

public static class EngineKinds
{
    /// <summary>Parses the `--engine` option: "azure" (default) or "memory".</summary>
    public static EngineKind Parse(string? value) => value switch
    {
        null or "" or "azure" or "azurite" or "storage" => EngineKind.AzureStorage,
        "memory" => EngineKind.Memory,
        _ => throw new ArgumentException($"Unknown engine '{value}': expected 'azure' or 'memory'."),
    };
}
