using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Runs;

/// <summary>Which per-asset outcomes of a run to list: all, or only those with one status.</summary>
public static class AssetStatusFilter
{
    /// <summary>Null for all; else "succeeded" or "failed" (case-insensitive). Throws <see cref="ArgumentException"/> naming the allowed values.</summary>
    public static string? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Equals("all", StringComparison.OrdinalIgnoreCase)) return null;
        if (value.Equals(AssetOutcome.Failed, StringComparison.OrdinalIgnoreCase)) return AssetOutcome.Failed;
        if (value.Equals(AssetOutcome.Succeeded, StringComparison.OrdinalIgnoreCase)) return AssetOutcome.Succeeded;
        throw new ArgumentException($"Unknown asset status '{(value.Length > 20 ? value[..20] + "…" : value)}': use all, succeeded or failed.");
    }
}
