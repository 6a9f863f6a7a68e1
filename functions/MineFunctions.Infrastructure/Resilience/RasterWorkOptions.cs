using System.ComponentModel.DataAnnotations;

namespace MineFunctions.Infrastructure.Resilience;

/// <summary>
/// Limits for raster work in one process (section <c>MineFunctions:RasterWork</c>). They bound memory
/// (how many rasters are in flight at once) and time (how long one raster job may run), and set the
/// only retries this codebase adds itself: GDAL network reads, which no SDK retries.
/// </summary>
public sealed class RasterWorkOptions
{
    /// <summary>Configuration section bound to this class.</summary>
    public const string SectionName = "MineFunctions:RasterWork";

    /// <summary>
    /// Raster jobs running at once in one process. Each job holds about one pair's working set (two
    /// complex tiles plus one coherence tile, a few hundred MiB at 4096², see host.json), so this times
    /// the working set must fit the plan's memory.
    /// </summary>
    [Range(1, 64)]
    public int MaxConcurrentRasterJobs { get; set; } = 2;

    /// <summary>Jobs allowed to wait for a slot; beyond this a job is rejected at once (and its activity retried by Durable).</summary>
    [Range(0, 10_000)]
    public int MaxQueuedRasterJobs { get; set; } = 64;

    /// <summary>Longest one raster job may run before it is cancelled (keep below the queue visibility timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RasterJobTimeout { get; set; } = TimeSpan.FromMinutes(4);
}
