namespace MineFunctions.Workflow.Activities;

/// <summary>
/// Reads that run a few items ahead of the one being used, handed out in item order. A stage that adds rasters
/// into running sums (stable statistics, annual means) must add them in a fixed order for its bits not to depend
/// on timing; the reads around it (a storage round trip and a decode each) need not wait for one another.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// The reads of items <paramref name="from"/> to <paramref name="count"/> − 1, in order, with at most
    /// <paramref name="ahead"/> started and not yet handed out (so at most that many results are held). Each is
    /// handed out as its task, so the caller sees a failed read where it uses it, and can record and go on.
    /// </summary>
    public static IEnumerable<Task<T>> InOrder<T>(int from, int count, int ahead, Func<int, Task<T>> read)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ahead, 1);
        var reads = new Queue<Task<T>>();
        var next = from;
        for (var i = from; i < count; i++)
        {
            for (; next < count && reads.Count < ahead; next++) reads.Enqueue(Start(read, next));
            yield return reads.Dequeue();
        }
    }

    /// <summary>The read as a task even when <paramref name="read"/> throws before its first await.</summary>
    private static async Task<T> Start<T>(Func<int, Task<T>> read, int index) => await read(index).ConfigureAwait(false);
}
