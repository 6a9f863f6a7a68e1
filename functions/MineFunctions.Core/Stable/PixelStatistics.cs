using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace MineFunctions.Core.Stable;

/// <summary>
/// Per-pixel time mean and standard deviation of coherence over a stack of pairs, streamed one pair
/// at a time (Welford's update in double), so the stack is never held in memory (METHOD.md §1.3:
/// stable pixels by time mean and std, Moon &amp; Lee 2021). Nodata (NaN) pixels of a pair are skipped
/// for that pixel only; each pixel keeps its own count.
/// </summary>
public sealed class PixelStatistics
{
    private readonly int[] _count;
    private readonly double[] _mean;
    private readonly double[] _m2;

    public PixelStatistics(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        _count = new int[pixels];
        _mean = new double[pixels];
        _m2 = new double[pixels];
    }

    public int Pixels => _count.Length;

    /// <summary>Pairs added so far (whatever their per-pixel validity).</summary>
    public int PairsAdded { get; private set; }

    public ReadOnlySpan<int> Counts => _count;

    /// <summary>Adds one pair's coherence raster (NaN = nodata).</summary>
    public void Add(ReadOnlySpan<float> coherence)
    {
        if (coherence.Length != _count.Length) throw new ArgumentException($"Expected {_count.Length} pixels, got {coherence.Length}.", nameof(coherence));
        for (var i = 0; i < coherence.Length; i++)
        {
            double v = coherence[i];
            if (double.IsNaN(v)) continue;
            var n = ++_count[i];
            var delta = v - _mean[i];
            _mean[i] += delta / n;
            _m2[i] += delta * (v - _mean[i]);
        }
        PairsAdded++;
    }

    public double Mean(int pixel) => _count[pixel] == 0 ? double.NaN : _mean[pixel];

    /// <summary>Population standard deviation (divide by n): the spread of the observed stack itself.</summary>
    public double StandardDeviation(int pixel) => _count[pixel] == 0 ? double.NaN : Math.Sqrt(Math.Max(0, _m2[pixel] / _count[pixel]));

    /// <summary>
    /// The exact state (pairs added, per-pixel count, mean and M2, little-endian): restored by
    /// <see cref="Restore"/>, more pairs added in the same order give bit for bit what adding every
    /// pair in that order from the start gives, so an incremental refresh can extend a stored stack.
    /// </summary>
    public byte[] Save()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Saved pixel statistics are little-endian.");
        var pixels = _count.Length;
        var bytes = new byte[StateBytes(pixels)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(span, pixels);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], PairsAdded);
        MemoryMarshal.AsBytes(_count.AsSpan()).CopyTo(span[8..]);
        MemoryMarshal.AsBytes(_mean.AsSpan()).CopyTo(span[(8 + (4 * pixels))..]);
        MemoryMarshal.AsBytes(_m2.AsSpan()).CopyTo(span[(8 + (12 * pixels))..]);
        return bytes;
    }

    /// <summary>Statistics from a <see cref="Save"/>d state; <see cref="InvalidDataException"/> when it is not one.</summary>
    public static PixelStatistics Restore(ReadOnlySpan<byte> state)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Saved pixel statistics are little-endian.");
        if (state.Length < 8) throw new InvalidDataException("Pixel statistics state is truncated.");
        var pixels = BinaryPrimitives.ReadInt32LittleEndian(state);
        var added = BinaryPrimitives.ReadInt32LittleEndian(state[4..]);
        if (pixels <= 0 || added < 0 || state.Length != StateBytes(pixels))
            throw new InvalidDataException($"Pixel statistics state of {state.Length} bytes does not hold {pixels} pixels.");
        var statistics = new PixelStatistics(pixels) { PairsAdded = added };
        state.Slice(8, 4 * pixels).CopyTo(MemoryMarshal.AsBytes(statistics._count.AsSpan()));
        state.Slice(8 + (4 * pixels), 8 * pixels).CopyTo(MemoryMarshal.AsBytes(statistics._mean.AsSpan()));
        state.Slice(8 + (12 * pixels), 8 * pixels).CopyTo(MemoryMarshal.AsBytes(statistics._m2.AsSpan()));
        return statistics;
    }

    private static long StateBytes(int pixels) => 8 + (20L * pixels);

    public void CopyMeans(Span<float> output)
    {
        Check(output);
        for (var i = 0; i < _count.Length; i++) output[i] = (float)Mean(i);
    }

    public void CopyStandardDeviations(Span<float> output)
    {
        Check(output);
        for (var i = 0; i < _count.Length; i++) output[i] = (float)StandardDeviation(i);
    }

    private void Check(Span<float> output)
    {
        if (output.Length != _count.Length) throw new ArgumentException($"Expected {_count.Length} pixels, got {output.Length}.", nameof(output));
    }
}
