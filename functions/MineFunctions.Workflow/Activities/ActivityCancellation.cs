namespace MineFunctions.Workflow.Activities;

/// <summary>
/// The cancellation of the activity running on this async flow. Durable Task activity classes get no
/// token, so a host that bounds an activity (the Functions app's raster pipeline and its
/// RasterJobTimeout) sets one here, and the activities pass it to every storage call: the timeout then
/// stops the work at its next I/O instead of never.
/// </summary>
public static class ActivityCancellation
{
    private static readonly AsyncLocal<CancellationToken> Current = new();

    /// <summary>The token of the running activity; <see cref="CancellationToken.None"/> when the host set none.</summary>
    public static CancellationToken Token => Current.Value;

    /// <summary>Sets <paramref name="token"/> for the activity that runs inside the returned scope.</summary>
    public static IDisposable Use(CancellationToken token)
    {
        var previous = Current.Value;
        Current.Value = token;
        return new Scope(previous);
    }

    private sealed class Scope(CancellationToken previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
