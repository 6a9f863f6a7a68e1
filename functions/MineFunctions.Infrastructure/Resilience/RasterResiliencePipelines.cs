using Polly;

namespace MineFunctions.Infrastructure.Resilience;

/// <summary>
/// The Polly pipelines for what nothing else protects (ARCHITECTURE.md convention 8, "one retry
/// layer per call"). Who retries what:
/// <list type="bullet">
/// <item>Blob and Table calls: the Azure SDK (5 and 3 tries). No Polly retry around them, ever.</item>
/// <item>A whole activity: the Durable retry policy of the orchestrator that calls it.</item>
/// <item><see cref="RasterWork"/>: no retry at all, only a concurrency limit (memory) and a timeout;
///   a failure goes up to the activity, whose Durable retry is the one retry layer.</item>
/// </list>
/// Rasters are read from blobs through the SDK into memory (never by GDAL over the network), so no
/// Polly retry exists here.
/// </summary>
public sealed class RasterResiliencePipelines
{
    /// <summary>Builds the pipeline from validated options.</summary>
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
    }

    /// <summary>Concurrency limit and timeout around one raster job (read, compute, write of one pair or year).</summary>
    public ResiliencePipeline RasterWork { get; }
}
