namespace MineFunctions.Core.Contracts;

/// <summary>
/// Pixel counts of the eight colour classes inside the mine polygon for one 3-year window. Masked and
/// nodata pixels are never part of these counts (they are not black).
/// </summary>
public sealed record ClassCounts
{
    private readonly long[] _counts;

    public ClassCounts(IReadOnlyDictionary<ColourClass, long> counts)
    {
        _counts = new long[8];
        foreach (var (colour, n) in counts)
        {
            if (n < 0) throw new ArgumentOutOfRangeException(nameof(counts), $"Count of {colour} is negative ({n}).");
            _counts[(int)colour] = n;
        }
    }

    /// <summary>Builds counts from an array indexed by <see cref="ColourClass"/> value (length 8).</summary>
    public static ClassCounts FromArray(ReadOnlySpan<long> byClassValue)
    {
        if (byClassValue.Length != 8) throw new ArgumentException("Expected 8 counts, indexed by ColourClass value.", nameof(byClassValue));
        var map = new Dictionary<ColourClass, long>(8);
        for (var i = 0; i < 8; i++) map[(ColourClass)i] = byClassValue[i];
        return new ClassCounts(map);
    }

    public long this[ColourClass colour] => _counts[(int)colour];

    /// <summary>The eight counts indexed by <see cref="ColourClass"/> value (the inverse of <see cref="FromArray"/>).</summary>
    public long[] ToArray() => (long[])_counts.Clone();

    /// <summary>All classified pixels (the eight classes together).</summary>
    public long Total => _counts.Sum();

    /// <summary>
    /// Active pixels of year index 0, 1 or 2 (METHOD.md §1.5): the year's own colour, the two
    /// two-year colours that contain it, and white. Y1 = R+Y+M+W, Y2 = G+Y+C+W, Y3 = B+C+M+W.
    /// </summary>
    public long ActivePixels(int yearIndex)
    {
        long sum = 0;
        for (var i = 0; i < 8; i++)
        {
            if (((ColourClass)i).IsActiveInYear(yearIndex)) sum += _counts[i];
        }
        return sum;
    }

    public bool Equals(ClassCounts? other) => other is not null && _counts.AsSpan().SequenceEqual(other._counts);

    public override int GetHashCode()
    {
        var h = new HashCode();
        foreach (var c in _counts) h.Add(c);
        return h.ToHashCode();
    }
}
