using MineFunctions.Infrastructure.Gdal;
using Polly;
using Polly.Retry;

namespace MineFunctions.Infrastructure.Resilience;

/// <summary>
/// The Polly pipelines for what nothing else protects (ARCHITECTURE.md convention 8, "one retry
/// layer per call"). Who retries what:
/// <list type="bullet">
/// <item>Blob and Table calls: the Azure SDK (5 and 3 tries). No Polly retry around them, ever.</item>
/// <item>A whole activity: the Durable retry policy of the orchestrator that calls it.</item>
/// <item><see cref="RasterWork"/>: no retry at all, only a concurrency limit (memory) and a timeout;
///   a failure goes up to the activity, whose Durable retry is the one retry layer.</item>
/// <item><see cref="NetworkRead"/>: the only Polly retry, for GDAL <c>/vsiaz/</c> reads, which no SDK retries.</item>
/// </list>
/// Budget: a GDAL read inside raster work is tried at most (1 + NetworkReadRetries) times per activity
/// attempt, so with the defaults (2 retries) and an orchestrator policy of 3 activity attempts a read
/// is tried at most 3 × 3 = 9 times, each bounded by NetworkReadTimeout and the whole job by RasterJobTimeout.
/// </summary>
public sealed class RasterResiliencePipelines
{
    /// <summary>CPLE_HttpResponse: GDAL's error number for a failed HTTP request (transient by nature).</summary>
    public const int CplHttpResponseError = 11;

    /// <summary>Builds both pipelines from validated options.</summary>
    public RasterResiliencePipelines(RasterWorkOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var time = timeProvider ?? TimeProvider.System;

        // Limiter outermost: a job waiting for a slot is not yet running, so its wait does not count
        // against the job timeout.
        RasterWork = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddConcurrencyLimiter(options.MaxConcurrentRasterJobs, options.MaxQueuedRasterJobs)
            .AddTimeout(options.RasterJobTimeout)
            .Build();

        // Timeout inside the retry: each attempt gets its own bound.
        var retry = new RetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.NetworkReadRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.NetworkRetryDelay,
            ShouldHandle = new PredicateBuilder().Handle<GdalException>(IsTransientNetworkError),
        };
        var network = new ResiliencePipelineBuilder { TimeProvider = time };
        if (options.NetworkReadRetries > 0) network.AddRetry(retry);
        NetworkRead = network.AddTimeout(options.NetworkReadTimeout).Build();
    }

    /// <summary>Concurrency limit and timeout around one raster job (read, compute, write of one pair or year).</summary>
    public ResiliencePipeline RasterWork { get; }

    /// <summary>Retry with exponential backoff and a per-attempt timeout around one GDAL network read.</summary>
    public ResiliencePipeline NetworkRead { get; }

    /// <summary>Only HTTP failures reported by GDAL are retried; a corrupt file or a bad name is not transient.</summary>
    public static bool IsTransientNetworkError(GdalException exception) =>
        exception.CplErrorNumber == CplHttpResponseError;
}
