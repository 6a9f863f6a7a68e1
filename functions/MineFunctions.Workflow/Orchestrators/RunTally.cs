using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>The counts a refresh keeps as its assets finish: all its custom status and output hold.</summary>
internal sealed class RunTally(string runId, int assetsTotal)
{
    private int _done;
    private int _failed;
    private int _pairs;
    private int _rejected;

    public void Add(AssetOutcome outcome)
    {
        _done++;
        if (outcome.Status != AssetOutcome.Succeeded) _failed++;
        _pairs += outcome.Pairs;
        _rejected += outcome.RejectedPairs;
    }

    public RunProgress Progress(string stage) => new(stage, _done, _failed, assetsTotal, _pairs, _pairs);

    public RefreshResult Result() => new(runId, assetsTotal, _done - _failed, _failed, _pairs, _rejected);
}
