using System.Numerics;
using System.Runtime.InteropServices;

namespace MineFunctions.Core.Ndai;

/// <summary>
/// Annual mean NDAI per pixel (METHOD.md §1.4), streamed: a float sum and an int count per pixel
/// (8 bytes), one accepted pair at a time, nodata ignored. NDAI is in (−1, 1] and a year has tens of
/// pairs, so a float sum keeps ~1e-6 accuracy. The count of contributing pairs is kept and reported.
/// </summary>
public sealed class AnnualMeanAccumulator
{
    private readonly float[] _sum;
    private readonly int[] _count;

    public AnnualMeanAccumulator(int pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        _sum = new float[pixels];
        _count = new int[pixels];
    }

    public int Pixels => _sum.Length;

    /// <summary>Pairs added (whatever their per-pixel validity).</summary>
    public int PairsAdded { get; private set; }

    /// <summary>Per pixel: pairs that contributed a value.</summary>
    public ReadOnlySpan<int> Counts => _count;

    public void Add(ReadOnlySpan<float> ndai, bool forceScalar = false)
    {
        if (ndai.Length != _sum.Length) throw new ArgumentException($"Expected {_sum.Length} pixels, got {ndai.Length}.", nameof(ndai));
        var i = 0;
        if (!forceScalar && Vector.IsHardwareAccelerated)
        {
            var sum = MemoryMarshal.Cast<float, Vector<float>>(_sum.AsSpan());
            var count = MemoryMarshal.Cast<int, Vector<int>>(_count.AsSpan());
            var values = MemoryMarshal.Cast<float, Vector<float>>(ndai);
            for (var k = 0; k < values.Length; k++)
            {
                var v = values[k];
                var valid = Vector.Equals(v, v); // false only for NaN; all-ones (= −1) where valid
                sum[k] += Vector.ConditionalSelect(valid, v, Vector<float>.Zero);
                count[k] -= valid;
            }
            i = values.Length * Vector<float>.Count;
        }
        for (; i < ndai.Length; i++)
        {
            var v = ndai[i];
            if (float.IsNaN(v)) continue;
            _sum[i] += v;
            _count[i]++;
        }
        PairsAdded++;
    }

    /// <summary>Mean per pixel; NaN (nodata) where no pair contributed.</summary>
    public void Mean(Span<float> output)
    {
        if (output.Length != _sum.Length) throw new ArgumentException($"Expected {_sum.Length} pixels, got {output.Length}.", nameof(output));
        for (var i = 0; i < output.Length; i++) output[i] = _count[i] == 0 ? float.NaN : _sum[i] / _count[i];
    }

    public float[] Mean()
    {
        var result = new float[_sum.Length];
        Mean(result);
        return result;
    }
}
