using System.Diagnostics;
using Microsoft.DurableTask;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// When activities ran during `mine bench scale`: every call's start and end, so the benchmark can
/// tell time in activities (their sum, per name) from time in which no activity ran at all (the
/// engine and its queues, history and replays: the share of time in orchestration).
/// </summary>
internal sealed class ScaleBenchmarkTimer
{
    private readonly List<(string Name, long Start, long End)> _calls = [];
    private readonly Lock _lock = new();

    public void Record(string name, long start, long end)
    {
        lock (_lock) _calls.Add((name, start, end));
    }

    /// <summary>Forgets every call recorded so far (the second run of `--incremental` is timed on its own).</summary>
    public void Clear()
    {
        lock (_lock) _calls.Clear();
    }

    public int Calls
    {
        get { lock (_lock) return _calls.Count; }
    }

    /// <summary>Summed activity seconds per activity name.</summary>
    public IReadOnlyDictionary<string, double> SecondsByName()
    {
        lock (_lock)
            return _calls.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.Sum(c => Stopwatch.GetElapsedTime(c.Start, c.End).TotalSeconds), StringComparer.Ordinal);
    }

    /// <summary>Seconds between <paramref name="from"/> and <paramref name="to"/> (Stopwatch timestamps) in which at least one activity was running.</summary>
    public double BusySeconds(long from, long to)
    {
        List<(long Start, long End)> spans;
        lock (_lock) spans = _calls.Select(c => (Math.Max(c.Start, from), Math.Min(c.End, to))).Where(s => s.Item1 < s.Item2).OrderBy(s => s.Item1).ToList();
        long busy = 0, openStart = 0, openEnd = long.MinValue;
        foreach (var (start, end) in spans)
        {
            if (start > openEnd)
            {
                if (openEnd > openStart) busy += openEnd - openStart;
                (openStart, openEnd) = (start, end);
            }
            else if (end > openEnd)
            {
                openEnd = end;
            }
        }
        if (openEnd > openStart) busy += openEnd - openStart;
        return (double)busy / Stopwatch.Frequency;
    }
}

/// <summary>An activity that records its start and end in a <see cref="ScaleBenchmarkTimer"/> around the real one.</summary>
internal sealed class TimedActivity(ITaskActivity inner, string name, ScaleBenchmarkTimer timer) : ITaskActivity
{
    public Type InputType => inner.InputType;

    public Type OutputType => inner.OutputType;

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            return await inner.RunAsync(context, input);
        }
        finally
        {
            timer.Record(name, start, Stopwatch.GetTimestamp());
        }
    }
}
