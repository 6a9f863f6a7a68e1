using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Composite;

/// <summary>
/// Post-classification majority (mode) filter of one year's active decisions (METHOD.md §3.2; the standard
/// smoothing of per-pixel classifications, Lillesand et al. 2015, Stallings et al. 1999): a pixel takes the decision most of its neighbours inside
/// the box of the coherence window's footprint have; a tie keeps its own. Only pixels with a decision vote
/// (inside the polygon, with data that year), so the polygon's edge and nodata do not pull decisions either
/// way. The box is (2·⌊X/2⌋ + 1) × (2·⌊Y/2⌋ + 1), at least 3 × 3: 7 × 3 for the default 7 × 2 window.
/// Neighbouring pixels share most of their window's samples, so the data do not resolve anything narrower;
/// straight edges of worked areas keep their place, features under half the box's width (3 range samples,
/// 1 azimuth line for 7 × 2) and the tips of corners go.
/// </summary>
public static class MajorityFilter
{
    /// <summary>Half sizes (columns, rows) of the box for a coherence window.</summary>
    public static (int Columns, int Rows) HalfBox(CoherenceWindow window) => (Math.Max(1, window.X / 2), Math.Max(1, window.Y / 2));

    /// <param name="active">One year's decisions, row-major, <paramref name="width"/> columns.</param>
    /// <param name="voters">True where a pixel has a decision; elsewhere the result is false.</param>
    /// <param name="result">Filtered decisions (may not alias <paramref name="active"/>).</param>
    public static void Apply(ReadOnlySpan<bool> active, ReadOnlySpan<bool> voters, int width, CoherenceWindow window, Span<bool> result)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        window.Validate();
        var n = active.Length;
        if (voters.Length != n || result.Length != n) throw new ArgumentException("Decisions, voters and result must have the same number of pixels.");
        if (n % width != 0) throw new ArgumentException($"{n} pixels are not whole rows of {width}.", nameof(width));
        var height = n / width;
        var (hx, hy) = HalfBox(window);

        // Summed-area tables of voters and active voters, (width + 1) × (height + 1), so each box is four look-ups.
        var stride = width + 1;
        var votes = new int[stride * (height + 1)];
        var ayes = new int[stride * (height + 1)];
        for (var r = 0; r < height; r++)
        {
            int rowVotes = 0, rowAyes = 0;
            for (var c = 0; c < width; c++)
            {
                var i = r * width + c;
                if (voters[i]) { rowVotes++; if (active[i]) rowAyes++; }
                votes[(r + 1) * stride + c + 1] = votes[r * stride + c + 1] + rowVotes;
                ayes[(r + 1) * stride + c + 1] = ayes[r * stride + c + 1] + rowAyes;
            }
        }
        for (var r = 0; r < height; r++)
        {
            int top = Math.Max(0, r - hy), bottom = Math.Min(height, r + hy + 1);
            for (var c = 0; c < width; c++)
            {
                var i = r * width + c;
                if (!voters[i]) { result[i] = false; continue; }
                int left = Math.Max(0, c - hx), right = Math.Min(width, c + hx + 1);
                var total = Box(votes, stride, top, bottom, left, right);
                var yes = Box(ayes, stride, top, bottom, left, right);
                result[i] = 2 * yes > total || (2 * yes == total && active[i]);
            }
        }
    }

    private static int Box(int[] table, int stride, int top, int bottom, int left, int right) =>
        table[bottom * stride + right] - table[top * stride + right] - table[bottom * stride + left] + table[top * stride + left];
}
