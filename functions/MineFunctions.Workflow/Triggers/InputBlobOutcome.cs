using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Triggers;

/// <summary>What the blob trigger did with one blob event (also logged with the same fields).</summary>
/// <param name="BlobName">The name inside the input container.</param>
/// <param name="Decision">How the name was classified.</param>
/// <param name="Reason">Why: the classification reason or what the start did.</param>
/// <param name="Start">The start attempt for an asset input; null when nothing was started.</param>
public sealed record InputBlobOutcome(string BlobName, InputBlobDecision Decision, string Reason, RunStart? Start);
