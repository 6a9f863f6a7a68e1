using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>The counts a refresh, or one chunk of it, keeps as its assets finish: all its custom status and output hold.</summary>
internal sealed class RunTally(string runId, int assetsTotal)
{
    private int _done;
    private int _failed;
    private int _pairs;
    private int _rejected;

    public int Succeeded => _done - _failed;

    public void Add(AssetOutcome outcome)
    {
        _done++;
        if (outcome.Status != AssetOutcome.Succeeded) _failed++;
        _pairs += outcome.Pairs;
        _rejected += outcome.RejectedPairs;
    }

    /// <summary>Adds a finished chunk's counts.</summary>
    public void Add(ChunkResult chunk)
    {
        _done += chunk.Assets;
        _failed += chunk.Failed;
        _pairs += chunk.Pairs;
        _rejected += chunk.RejectedPairs;
    }

    public RunProgress Progress(string stage) => new(stage, _done, _failed, assetsTotal, _pairs, _pairs);

    public RefreshResult Result() => new(runId, assetsTotal, Succeeded, _failed, _pairs, _rejected);

    public ChunkResult Chunk() => new(_done, Succeeded, _failed, _pairs, _rejected);
}
