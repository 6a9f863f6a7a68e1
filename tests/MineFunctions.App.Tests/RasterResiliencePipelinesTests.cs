using MineFunctions.Infrastructure.Resilience;
using Polly.RateLimiting;
using Polly.Timeout;

namespace MineFunctions.App.Tests;

public sealed class RasterResiliencePipelinesTests
{
    [Fact]
    public async Task RasterWorkBeyondTheConcurrencyAndQueueLimitsIsRejectedInsteadOfAllocating()
    {
        var pipelines = new RasterResiliencePipelines(new RasterWorkOptions { MaxConcurrentRasterJobs = 1, MaxQueuedRasterJobs = 0 });
        var release = new TaskCompletionSource();
        var first = pipelines.RasterWork.ExecuteAsync(async _ => await release.Task).AsTask();

        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => pipelines.RasterWork.ExecuteAsync(_ => ValueTask.CompletedTask).AsTask());

        release.SetResult();
        await first;
        await pipelines.RasterWork.ExecuteAsync(_ => ValueTask.CompletedTask);
    }

    [Fact]
    public async Task AQueuedRasterJobRunsWhenASlotFrees()
    {
        var pipelines = new RasterResiliencePipelines(new RasterWorkOptions { MaxConcurrentRasterJobs = 1, MaxQueuedRasterJobs = 1 });
        var release = new TaskCompletionSource();
        var running = 0;
        var maxRunning = 0;
        async ValueTask Job(TaskCompletionSource? wait)
        {
            maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            if (wait is not null) await wait.Task;
            Interlocked.Decrement(ref running);
        }
        var first = pipelines.RasterWork.ExecuteAsync(_ => Job(release)).AsTask();
        var second = pipelines.RasterWork.ExecuteAsync(_ => Job(null)).AsTask();

        Assert.False(second.IsCompleted);
        release.SetResult();
        await Task.WhenAll(first, second);
        Assert.Equal(1, maxRunning);
    }

    [Fact]
    public async Task ARasterJobRunningPastItsTimeoutIsCancelled()
    {
        var pipelines = new RasterResiliencePipelines(new RasterWorkOptions { RasterJobTimeout = TimeSpan.FromMilliseconds(50) });

        await Assert.ThrowsAsync<TimeoutRejectedException>(() =>
            pipelines.RasterWork.ExecuteAsync(async token => await Task.Delay(Timeout.Infinite, token)).AsTask());
    }
}
