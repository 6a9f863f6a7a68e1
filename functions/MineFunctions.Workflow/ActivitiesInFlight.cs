using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace MineFunctions.Workflow;

/// <summary>
/// The activities a worker is running right now, so a process can wait for them before it exits.
/// The Durable Task worker stops taking work when its host stops, but does not wait for the activities
/// it already started: a process that then returned from Main ended while an activity was still inside
/// GDAL, and exited non-zero after a clean shutdown (`mine serve` stopped just after its watcher started
/// a reprocess). A worker that registers this service gets its workflow activities counted here
/// (<see cref="WorkflowRegistration"/>); <see cref="WaitIdleAsync"/> waits for the count to reach zero.
/// </summary>
public sealed class ActivitiesInFlight
{
    private readonly object _gate = new();
    private int _running;
    private TaskCompletionSource _idle = Completed();

    /// <summary>How many activities are running.</summary>
    public int Running
    {
        get
        {
            lock (_gate) return _running;
        }
    }

    /// <summary>Completes when no activity runs, or after <paramref name="timeout"/>; true when idle.</summary>
    public async Task<bool> WaitIdleAsync(TimeSpan timeout)
    {
        Task idle;
        lock (_gate) idle = _idle.Task;
        return await Task.WhenAny(idle, Task.Delay(timeout)) == idle;
    }

    internal async Task<object?> RunAsync(ITaskActivity activity, TaskActivityContext context, object? input)
    {
        lock (_gate)
        {
            if (_running++ == 0) _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        try
        {
            return await activity.RunAsync(context, input);
        }
        finally
        {
            lock (_gate)
            {
                if (--_running == 0) _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Completed()
    {
        var done = new TaskCompletionSource();
        done.SetResult();
        return done;
    }
}

/// <summary>Registration of activities counted by <see cref="ActivitiesInFlight"/> when the worker has that service.</summary>
public static class ActivitiesInFlightRegistration
{
    /// <summary>
    /// Registers <paramref name="activityType"/> under its class name, as <see cref="DurableTaskRegistry.AddActivity(Type)"/>
    /// does, built from the worker's services; counted when they hold an <see cref="ActivitiesInFlight"/>.
    /// </summary>
    public static DurableTaskRegistry AddCountedActivity(this DurableTaskRegistry registry, Type activityType) =>
        registry.AddActivity(new TaskName(activityType.Name), services =>
        {
            var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(services, activityType);
            return services.GetService<ActivitiesInFlight>() is { } inFlight ? new Counted(activity, inFlight) : activity;
        });

    private sealed class Counted(ITaskActivity inner, ActivitiesInFlight inFlight) : ITaskActivity
    {
        public Type InputType => inner.InputType;

        public Type OutputType => inner.OutputType;

        public Task<object?> RunAsync(TaskActivityContext context, object? input) => inFlight.RunAsync(inner, context, input);
    }
}
