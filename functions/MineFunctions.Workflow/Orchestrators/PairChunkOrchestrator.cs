using Microsoft.DurableTask;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// One stage over one chunk of an asset's pairs (<see cref="PairStages"/>), for an asset with more
/// pairs than one chunk: its history is that of at most <see cref="PairChunkTask.MaxPairs"/> activity
/// calls, and its output their outcomes.
/// </summary>
public sealed class PairChunkOrchestrator : TaskOrchestrator<PairChunkTask, PairChunkResult>
{
    public override Task<PairChunkResult> RunAsync(TaskOrchestrationContext context, PairChunkTask input) =>
        PairStages.InlineAsync(context, input, _ => { });
}
