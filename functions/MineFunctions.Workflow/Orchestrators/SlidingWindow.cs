namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// Fan-out with at most a window of calls in flight, where a new call starts as soon as any one
/// finishes (not when a whole batch has), so one slow call never idles the rest of the window.
/// Orchestrator-safe: the calls are Durable tasks and <see cref="Task.WhenAny(IEnumerable{Task})"/>
/// over them completes in history order on every replay.
/// </summary>
internal static class SlidingWindow
{
    /// <summary>
    /// Calls <paramref name="start"/> for every item in order, at most <paramref name="window"/> at
    /// once; <paramref name="onDone"/> sees each result as it arrives with the count finished so far.
    /// Returns the results in item order.
    /// </summary>
    public static async Task<T[]> RunAsync<TItem, T>(IReadOnlyList<TItem> items, int window, Func<TItem, Task<T>> start, Action<int, T>? onDone = null)
    {
        var size = Math.Max(1, window);
        var results = new T[items.Count];
        var running = new List<(Task<T> Task, int Index)>(Math.Min(size, items.Count));
        var next = 0;
        for (var done = 0; done < items.Count;)
        {
            while (running.Count < size && next < items.Count)
            {
                running.Add((start(items[next]), next));
                next++;
            }
            var finished = await Task.WhenAny(running.Select(r => r.Task));
            var slot = running.FindIndex(r => r.Task == finished);
            var index = running[slot].Index;
            running.RemoveAt(slot);
            results[index] = await finished;
            done++;
            onDone?.Invoke(done, results[index]);
        }
        return results;
    }
}
