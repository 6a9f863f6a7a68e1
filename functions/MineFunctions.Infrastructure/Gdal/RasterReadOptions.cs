namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Limits for reading rasters whose header comes from outside. The budget caps the buffer one read
/// may allocate; it is checked from the header before allocating, so a forged 100,000 × 100,000
/// header costs nothing.
/// </summary>
public sealed record RasterReadOptions
{
    public const string SectionName = "Gdal";

    /// <summary>Default: 1 GiB per read buffer (a 16k × 16k Float32 band).</summary>
    public const long DefaultMaxBufferBytes = 1L << 30;

    public long MaxBufferBytes { get; init; } = DefaultMaxBufferBytes;

    /// <summary>Decoding threads for compressed GeoTIFF (GDAL_NUM_THREADS, set per thread around opens and reads): "ALL_CPUS" or a number.</summary>
    public string NumThreads { get; init; } = "ALL_CPUS";

    public static RasterReadOptions Default { get; } = new();

    /// <summary>Throws <see cref="RasterTooLargeException"/> when a buffer of the given size is over budget.</summary>
    public void EnsureWithinBudget(long pixels, int bytesPerPixel, string what)
    {
        var bytes = pixels <= long.MaxValue / Math.Max(1, bytesPerPixel) ? pixels * bytesPerPixel : long.MaxValue;
        if (bytes > MaxBufferBytes || bytes > Array.MaxLength)
            throw new RasterTooLargeException(
                $"{what} needs {bytes:N0} bytes, over the memory budget of {Math.Min(MaxBufferBytes, Array.MaxLength):N0} bytes; read it in windows or raise {SectionName}:{nameof(MaxBufferBytes)}.");
    }
}
