namespace MineFunctions.Core.Stable;

/// <summary>
/// The stable-point stage's products (METHOD.md §1.3): the mask (1 = stable) and its <see cref="StableMask"/>,
/// the per-pixel time mean and standard deviation of coherence, and the pixels seen in at least one pair.
/// </summary>
public sealed record StableProducts(StableMask Mask, byte[] MaskBytes, float[] Mean, float[] Std, long ValidPixels);

/// <summary>
/// Per-pixel statistics of a stack → stable mask, mean and std rasters (METHOD.md §1.3), as the workflow's
/// stable-statistics activity and `mine ndai` both compute them.
/// </summary>
public static class StableStage
{
    /// <param name="restrictTo">Optional area (non-zero = allowed) the stable points are searched in.</param>
    public static StableProducts Finish(PixelStatistics statistics, StableThresholds thresholds, ReadOnlySpan<byte> restrictTo = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var mask = StableMask.FromStatistics(statistics, thresholds, restrictTo);
        var bytes = new byte[mask.Length];
        for (var i = 0; i < bytes.Length; i++) bytes[i] = mask[i] ? (byte)1 : (byte)0;
        var mean = new float[statistics.Pixels];
        var std = new float[statistics.Pixels];
        statistics.CopyMeans(mean);
        statistics.CopyStandardDeviations(std);
        long valid = 0;
        foreach (var c in statistics.Counts) if (c > 0) valid++;
        return new StableProducts(mask, bytes, mean, std, valid);
    }
}
