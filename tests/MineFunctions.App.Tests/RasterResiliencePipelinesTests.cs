using MineFunctions.Infrastructure.Gdal;
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

    [Fact]
    public async Task AFailedGdalHttpReadIsRetriedTheConfiguredNumberOfTimesAndNoMore()
    {
        var pipelines = new RasterResiliencePipelines(new RasterWorkOptions { NetworkReadRetries = 2, NetworkRetryDelay = TimeSpan.Zero });
        var attempts = 0;

        await Assert.ThrowsAsync<GdalException>(() => pipelines.NetworkRead.ExecuteAsync(_ =>
        {
            attempts++;
            throw new GdalException("HTTP 503", RasterResiliencePipelines.CplHttpResponseError);
        }).AsTask());

        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task AGdalHttpReadThatRecoversReturnsItsResult()
    {
        var pipelines = new RasterResiliencePipelines(new RasterWorkOptions { NetworkReadRetries = 2, NetworkRetryDelay = TimeSpan.Zero });
        var attempts = 0;

        var value = await pipelines.NetworkRead.ExecuteAsync(_ =>
            ++attempts < 2 ? throw new GdalException("HTTP 500", RasterResiliencePipelines.CplHttpResponseError) : ValueTask.FromResult(42));

        Assert.Equal(42, value);
        Assert.Equal(2, attempts);
    }

    [Theory]
    [InlineData(4)] // CPLE_OpenFailed: a missing or corrupt file is not transient
    [InlineData(1)] // CPLE_AppDefined
    public async Task ANonNetworkGdalFailureIsNotRetried(int cplError)
    {
        var pipelines = new RasterResiliencePipelines(new RasterWorkOptions { NetworkReadRetries = 2, NetworkRetryDelay = TimeSpan.Zero });
        var attempts = 0;

        await Assert.ThrowsAsync<GdalException>(() => pipelines.NetworkRead.ExecuteAsync(_ =>
        {
            attempts++;
            throw new GdalException("not a TIFF", cplError);
        }).AsTask());

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task WithZeroRetriesANetworkReadIsTriedOnce()
    {
        var pipelines = new RasterResiliencePipelines(new RasterWorkOptions { NetworkReadRetries = 0 });
        var attempts = 0;

        await Assert.ThrowsAsync<GdalException>(() => pipelines.NetworkRead.ExecuteAsync(_ =>
        {
            attempts++;
            throw new GdalException("HTTP 503", RasterResiliencePipelines.CplHttpResponseError);
        }).AsTask());

        Assert.Equal(1, attempts);
    }
}
