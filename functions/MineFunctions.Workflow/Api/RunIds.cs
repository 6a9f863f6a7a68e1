namespace MineFunctions.Workflow.Api;

/// <summary>Deterministic ids of runs started over HTTP: the same asset list is the same run, so a second POST while it runs is a 409.</summary>
public static class RunIds
{
    /// <summary>"run-all" for every asset, else "run-" and a hash of the sorted, distinct asset ids.</summary>
    public static string ForAssets(IReadOnlyCollection<string> assetIds)
    {
        ArgumentNullException.ThrowIfNull(assetIds);
        return assetIds.Count == 0
            ? "run-all"
            : "run-" + InstanceIds.ShortHash(string.Join(',', assetIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
    }
}
