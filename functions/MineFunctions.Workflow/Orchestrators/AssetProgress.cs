using Microsoft.DurableTask;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>Writes an asset orchestration's custom status (a <see cref="RunProgress"/> for one asset; its outcome is the output).</summary>
internal sealed class AssetProgress(TaskOrchestrationContext context)
{
    public void Report(string stage, int pairsDone, int pairsTotal) =>
        context.SetCustomStatus(new RunProgress(stage, 0, 0, 1, pairsDone, pairsTotal));

    public void Done(AssetOutcome outcome) =>
        context.SetCustomStatus(new RunProgress("done", 1, outcome.Status == AssetOutcome.Succeeded ? 0 : 1, 1, outcome.Pairs, outcome.Pairs));
}
