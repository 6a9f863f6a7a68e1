namespace MineFunctions.Infrastructure.Gdal;

/// <summary>Rasters that must share a grid do not; the message names each difference. Never cropped or resampled.</summary>
public sealed class GridMismatchException(string message, IReadOnlyList<string> differences) : InvalidOperationException(message)
{
    public IReadOnlyList<string> Differences { get; } = differences;
}
