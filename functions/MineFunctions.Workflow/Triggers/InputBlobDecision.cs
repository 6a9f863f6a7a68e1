namespace MineFunctions.Workflow.Triggers;

/// <summary>What the input container's blob trigger makes of a blob name.</summary>
public enum InputBlobDecision
{
    /// <summary>An input of one asset (pair raster, polygon, production or catalogue file): reprocess that asset.</summary>
    AssetInput,

    /// <summary>Not an input (unknown extension, hidden or marker file): nothing to do.</summary>
    Ignored,

    /// <summary>A name that can't be trusted (bad asset id, traversal, wrong shape): recorded with its reason, never retried.</summary>
    Rejected,
}
