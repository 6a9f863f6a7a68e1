using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.App.Runs;

/// <summary>The orchestrations the triggers start, by function name.</summary>
public static class OrchestratorNames
{
    /// <summary>One run over a list of assets (all when empty): the workflow's entry point.</summary>
    public const string Refresh = nameof(RefreshOrchestrator);
}
