namespace MineFunctions.Core.Stable;

/// <summary>The stable pixels of an asset's scene (METHOD.md §1.3), with how they were chosen.</summary>
public sealed class StableMask
{
    private readonly bool[] _stable;

    private StableMask(bool[] stable, string source)
    {
        _stable = stable;
        Count = stable.Count(s => s);
        Source = source;
    }

    public ReadOnlySpan<bool> Pixels => _stable;

    public int Count { get; }

    public int Length => _stable.Length;

    /// <summary>"statistics" or "area", plus any restriction: reported with every run.</summary>
    public string Source { get; }

    public bool this[int pixel] => _stable[pixel];

    /// <summary>
    /// Stable = time mean ≥ PixelMeanMin, time std ≤ PixelStdMax, seen in ≥ MinimumPairs pairs; optionally
    /// only where <paramref name="restrictTo"/> is non-zero (e.g. outside the mine polygon).
    /// </summary>
    public static StableMask FromStatistics(PixelStatistics statistics, StableThresholds thresholds, ReadOnlySpan<byte> restrictTo = default)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        thresholds.Validate();
        if (!restrictTo.IsEmpty && restrictTo.Length != statistics.Pixels) throw new ArgumentException("Restriction mask size differs from the statistics.", nameof(restrictTo));
        var stable = new bool[statistics.Pixels];
        var counts = statistics.Counts;
        for (var i = 0; i < stable.Length; i++)
        {
            stable[i] = counts[i] >= thresholds.MinimumPairs
                && statistics.Mean(i) >= thresholds.PixelMeanMin
                && statistics.StandardDeviation(i) <= thresholds.PixelStdMax
                && (restrictTo.IsEmpty || restrictTo[i] != 0);
        }
        return new StableMask(stable, restrictTo.IsEmpty ? "statistics" : "statistics within area");
    }

    /// <summary>A stable-area mask given instead of the statistics (METHOD.md §1.3): non-zero = stable.</summary>
    public static StableMask FromArea(ReadOnlySpan<byte> area)
    {
        var stable = new bool[area.Length];
        for (var i = 0; i < stable.Length; i++) stable[i] = area[i] != 0;
        return new StableMask(stable, "area");
    }
}
