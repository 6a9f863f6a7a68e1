using System.Collections.Concurrent;
using System.Globalization;
using DurableTask.Core;
using DurableTask.Core.History;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// What this process's engine is working on: the activity and orchestration work items it has
/// taken from the task hub and not yet finished, and how many it has finished. Fed by the backend
/// wrapper (<see cref="PlainTagsOrchestrationService{TInner}"/>), so it sees exactly what the
/// dispatcher locks, whichever worker process asked for the run. `mine worker` prints it.
/// </summary>
public sealed class WorkLog
{
    private readonly ConcurrentDictionary<object, (string Name, string InstanceId)> _activities = new(ReferenceEqualityComparer.Instance);
    private readonly ConcurrentDictionary<object, string> _orchestrations = new(ReferenceEqualityComparer.Instance);
    private long _activitiesDone;
    private long _episodesDone;

    internal void ActivityTaken(TaskActivityWorkItem? item)
    {
        if (item is null) return;
        var name = (item.TaskMessage?.Event as TaskScheduledEvent)?.Name ?? "activity";
        _activities[item] = (name, item.TaskMessage?.OrchestrationInstance?.InstanceId ?? "");
    }

    internal void ActivityFinished(TaskActivityWorkItem item, bool completed)
    {
        if (_activities.TryRemove(item, out _) && completed) Interlocked.Increment(ref _activitiesDone);
    }

    internal void EpisodeTaken(TaskOrchestrationWorkItem? item)
    {
        if (item is not null) _orchestrations[item] = item.InstanceId ?? "";
    }

    internal void EpisodeCompleted(TaskOrchestrationWorkItem item)
    {
        if (_orchestrations.TryRemove(item, out _)) Interlocked.Increment(ref _episodesDone);
    }

    internal void EpisodeReleased(TaskOrchestrationWorkItem item) => _orchestrations.TryRemove(item, out _);

    /// <summary>A consistent-enough copy of the counters (each read is atomic; the set may move between reads).</summary>
    public WorkSnapshot Snapshot()
    {
        var activities = _activities.Values.ToList();
        var orchestrations = _orchestrations.Values.ToList();
        var runs = activities.Select(a => a.InstanceId).Concat(orchestrations).Select(RunOf).Where(r => r.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var byName = activities.GroupBy(a => a.Name, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Count())).ToList();
        return new WorkSnapshot(byName, orchestrations.Count, Interlocked.Read(ref _activitiesDone), Interlocked.Read(ref _episodesDone), runs);
    }

    /// <summary>The run an instance belongs to: sub-orchestrations are RUN:ASSET (InstanceIds.AssetInRun).</summary>
    private static string RunOf(string instanceId)
    {
        var colon = instanceId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? instanceId : instanceId[..colon];
    }
}

/// <summary>One look at a <see cref="WorkLog"/>.</summary>
public sealed record WorkSnapshot(
    IReadOnlyList<(string Name, int Count)> RunningActivities,
    int RunningEpisodes,
    long ActivitiesDone,
    long EpisodesDone,
    IReadOnlyList<string> Runs)
{
    public int ActivitiesRunning => RunningActivities.Sum(a => a.Count);

    /// <summary>One line: what runs now (by activity name) and what is done, e.g. "run-1a2b: 3 activities (NdaiActivity 3), 0 orchestrations | done: 40 activities, 12 orchestration episodes".</summary>
    public string Line()
    {
        var working = RunningActivities.Count == 0 && RunningEpisodes == 0
            ? "idle"
            : string.Create(CultureInfo.InvariantCulture,
                $"{(Runs.Count == 0 ? "" : string.Join(",", Runs.Take(3)) + (Runs.Count > 3 ? ",…" : "") + ": ")}{ActivitiesRunning} activities" +
                $"{(RunningActivities.Count == 0 ? "" : " (" + string.Join(", ", RunningActivities.Select(a => $"{a.Name} {a.Count}")) + ")")}, {RunningEpisodes} orchestrations");
        return string.Create(CultureInfo.InvariantCulture, $"{working} | done: {ActivitiesDone} activities, {EpisodesDone} orchestration episodes");
    }
}
