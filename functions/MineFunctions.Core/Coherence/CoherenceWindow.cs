using System.Globalization;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// Boxcar window of the coherence estimator (METHOD.md §1.2): <paramref name="X"/> samples in range
/// (columns) by <paramref name="Y"/> in azimuth (rows). Default 7 × 2, the seed's "7x2 (range by azimuth)".
/// For an even size the window reaches one sample further back than forward (scipy.ndimage's
/// uniform_filter convention, so results compare with the numpy reference): the window of pixel x
/// covers x − X/2 … x + (X − 1 − X/2).
/// </summary>
public readonly record struct CoherenceWindow(int X, int Y)
{
    public static CoherenceWindow Default { get; } = new(7, 2);

    /// <summary>Independent looks of the window (X × Y), the L of the Touzi bias table.</summary>
    public int Looks => X * Y;

    /// <summary>Samples before the centre along an axis of size <paramref name="size"/>.</summary>
    internal static int Before(int size) => size / 2;

    /// <summary>Samples after the centre along an axis of size <paramref name="size"/>.</summary>
    internal static int After(int size) => size - 1 - size / 2;

    /// <summary>Parses "7x2" (range x azimuth); sizes 1…255. Throws FormatException naming the bad text.</summary>
    public static CoherenceWindow Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().ToLowerInvariant().Split('x');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var x)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            && x is >= 1 and <= 255 && y is >= 1 and <= 255)
        {
            return new CoherenceWindow(x, y);
        }
        throw new FormatException($"'{text}' is not a coherence window: expected RANGExAZIMUTH with sizes 1-255, e.g. 7x2.");
    }

    public void Validate()
    {
        if (X is < 1 or > 255 || Y is < 1 or > 255)
            throw new ArgumentOutOfRangeException(nameof(CoherenceWindow), this, "Window sizes must be 1-255.");
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{X}x{Y}");
}
