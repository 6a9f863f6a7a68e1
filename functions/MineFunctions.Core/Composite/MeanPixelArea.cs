namespace MineFunctions.Core.Composite;

/// <summary>
/// The mean area of the pixels inside a polygon (METHOD.md §1.5: the real pixel area of the grid; per
/// row for a geographic grid, where area shrinks with latitude), so that area = count × this mean is exact.
/// </summary>
public static class MeanPixelArea
{
    /// <param name="squareMetresPerRow">Area of one pixel of each row, top row first.</param>
    /// <param name="polygon">Non-zero inside, row-major, <paramref name="squareMetresPerRow"/>.Length rows.</param>
    /// <returns>The mean over the inside pixels; the mean over the rows when no pixel is inside.</returns>
    public static double Inside(ReadOnlySpan<double> squareMetresPerRow, int width, ReadOnlySpan<byte> polygon)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var height = squareMetresPerRow.Length;
        if (height == 0) throw new ArgumentException("The grid has no row.", nameof(squareMetresPerRow));
        if (polygon.Length != (long)width * height) throw new ArgumentException($"The polygon has {polygon.Length} pixels, the grid {width}×{height}.", nameof(polygon));
        double sum = 0, rows = 0;
        long count = 0;
        for (var row = 0; row < height; row++)
        {
            var inside = 0;
            foreach (var p in polygon.Slice(row * width, width)) if (p != 0) inside++;
            sum += inside * squareMetresPerRow[row];
            count += inside;
            rows += squareMetresPerRow[row];
        }
        return count == 0 ? rows / height : sum / count;
    }
}
