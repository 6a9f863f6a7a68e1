using MineFunctions.Core.Stable;

namespace MineFunctions.Workflow.Activities;

/// <summary>
/// The stack of the stable stage as it takes the pairs in, in order (<see cref="StableStatisticsActivity"/>):
/// the per-pixel statistics, the grid every pair must share (the first readable pair's), each pair as taken
/// (its blob version, or why it could not be read) and the unreadable pairs for the summary. It starts empty,
/// or from a checkpoint whose pairs are the first of this run's (<see cref="ResumeAsync"/>).
/// </summary>
internal sealed class StableStack(IProductStore store, AssetScope scope)
{
    private (GridSpec Grid, string PairId)? _first;

    public PixelStatistics? Statistics { get; private set; }

    public GridSpec? Grid => _first?.Grid;

    /// <summary>Each pair taken in, in order: what the next checkpoint records.</summary>
    public List<CheckpointPair> Taken { get; } = [];

    /// <summary>Every unreadable pair by id; the first <see cref="StableSummary.ExplainedUnreadable"/> with the reason.</summary>
    public List<PairExclusion> Unreadable { get; } = [];

    /// <summary>
    /// Takes in the first pairs of <paramref name="pairs"/> from <paramref name="previous"/> when they are its pairs at the
    /// same versions (<paramref name="versions"/>) and its saved state fits its grid; returns how many (0: start over).
    /// </summary>
    public async Task<int> ResumeAsync(StableCheckpoint? previous, IReadOnlyList<PairWork> pairs, IReadOnlyList<CheckpointPair> versions)
    {
        var resumed = previous?.PrefixOf(versions) ?? -1;
        if (resumed <= 0 || Restore(previous!) is not { } statistics) return 0;
        Statistics = statistics;
        _first = (previous!.Grid, previous.Pairs.First(p => p.Unreadable is null).PairId);
        for (var i = 0; i < resumed; i++)
        {
            Taken.Add(previous.Pairs[i]);
            if (previous.Pairs[i].Unreadable is not { } reason) continue;
            // The same blob at the same version: as unreadable as it was, with the row a fresh read would write.
            await store.UpsertAsync(PairRows.Row(scope, pairs[i], 0, null, null, false, reason, null), ActivityCancellation.Token);
            AddUnreadable(pairs[i].PairId, reason);
        }
        return resumed;
    }

    /// <summary>Pairs read ahead of the one being added: hides the round trips and spreads the decodes over the cores; holds this many rasters.</summary>
    public const int ReadAhead = 4;

    /// <summary>
    /// Takes in <paramref name="pairs"/> from <paramref name="from"/> on (<see cref="AddAsync"/>), read a few ahead
    /// (<see cref="Activities.ReadAhead"/>) but added in list order, so the statistics' bits are those of one read at a time.
    /// </summary>
    public async Task AddFromAsync(int from, IReadOnlyList<PairWork> pairs, IReadOnlyList<CheckpointPair> versions)
    {
        var i = from;
        foreach (var read in Activities.ReadAhead.InOrder(from, pairs.Count, ReadAhead, k => PairCoherence.ReadAsync(store, scope, pairs[k])))
        {
            await AddAsync(pairs[i], versions[i], read);
            i++;
        }
    }

    /// <summary>Takes <paramref name="pair"/>'s coherence (<paramref name="read"/>) into the statistics, or records it as unreadable (PairResults row and summary).</summary>
    private async Task AddAsync(PairWork pair, CheckpointPair version, Task<(float[] Pixels, GridSpec Grid, Core.Coherence.ValidationCounts Counts)> read)
    {
        try
        {
            var (pixels, grid, _) = await read;
            if (_first is { } f) GridCheck.EnsureSameGrid(f.Grid, f.PairId, grid, pair.PairId);
            _first ??= (grid, pair.PairId);
            (Statistics ??= new PixelStatistics(pixels.Length)).Add(pixels);
            Taken.Add(version);
        }
        catch (UnreadablePairException ex)
        {
            await PairRows.RecordAsync(store, scope, pair, ex);
            Taken.Add(version with { Unreadable = PairRows.Summary(ex) });
            AddUnreadable(pair.PairId, PairRows.Summary(ex));
        }
    }

    private void AddUnreadable(string pairId, string reason) =>
        Unreadable.Add(new PairExclusion(pairId, Unreadable.Count < StableSummary.ExplainedUnreadable ? reason : StableSummary.UnreadableSeeTable));

    /// <summary>The checkpoint's statistics; null (start over) when its state does not fit its grid or is not a saved state.</summary>
    private static PixelStatistics? Restore(StableCheckpoint checkpoint)
    {
        try
        {
            var statistics = PixelStatistics.Restore(checkpoint.State);
            return statistics.Pixels == checkpoint.Grid.PixelCount && checkpoint.Pairs.Any(p => p.Unreadable is null) ? statistics : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
