using System.Numerics;

namespace MineFunctions.Core.Ndai;

/// <summary>
/// Annual mean NDAI per pixel (METHOD.md §1.4), streamed: a float sum and an int count per pixel
/// (8 bytes), one accepted pair at a time, nodata ignored. NDAI is in (−1, 1] and a year has tens of
/// pairs, so a float sum keeps ~1e-6 accuracy. The count of contributing pairs is kept and reported,
/// and, given a disturbance level, the count of pairs whose NDAI exceeded it (the adaptive rule's
/// disturbed pairs, METHOD.md §3).
/// </summary>
public sealed class AnnualMeanAccumulator
{
    private readonly float[] _sum;
    private readonly int[] _count;
    private readonly int[] _disturbed;
    private readonly float _level;

    /// <param name="disturbanceLevel">Per-pair NDAI above which a pixel counts as disturbed; NaN = no counting.</param>
    public AnnualMeanAccumulator(int pixels, double disturbanceLevel = double.NaN)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixels);
        _sum = new float[pixels];
        _count = new int[pixels];
        _level = (float)disturbanceLevel;
        _disturbed = float.IsNaN(_level) ? [] : new int[pixels];
    }

    /// <summary>Per pixel: pairs whose NDAI exceeded the disturbance level (empty without a level).</summary>
    public ReadOnlySpan<int> Disturbed => _disturbed;

    public int Pixels => _sum.Length;

    /// <summary>Pairs added (whatever their per-pixel validity).</summary>
    public int PairsAdded { get; private set; }

    /// <summary>Per pixel: pairs that contributed a value.</summary>
    public ReadOnlySpan<int> Counts => _count;

    /// <param name="maxDegreeOfParallelism">Threads over chunks; 1 (default) = the calling thread, -1 = all processors.</param>
    public unsafe void Add(ReadOnlySpan<float> ndai, bool forceScalar = false, int maxDegreeOfParallelism = 1)
    {
        if (ndai.Length != _sum.Length) throw new ArgumentException($"Expected {_sum.Length} pixels, got {ndai.Length}.", nameof(ndai));
        var vector = !forceScalar && Vector.IsHardwareAccelerated;
        fixed (float* pn = ndai, ps = _sum)
        fixed (int* pc = _count, pd = _disturbed)
        {
            nint n = (nint)pn, s = (nint)ps, c = (nint)pc, d = (nint)pd;
            var level = _level;
            ParallelChunks.Run(ndai.Length, maxDegreeOfParallelism, (start, end) => Kernel((float*)n, (float*)s, (int*)c, (int*)d, level, start, end, vector));
        }
        PairsAdded++;
    }

    // disturbed is null without a level (NaN): then nothing is counted.
    private static unsafe void Kernel(float* ndai, float* sum, int* count, int* disturbed, float level, int start, int end, bool vector)
    {
        var i = start;
        if (vector)
        {
            var lv = new Vector<float>(level);
            for (; i <= end - Vector<float>.Count; i += Vector<float>.Count)
            {
                var v = Vector.Load(ndai + i);
                var valid = Vector.Equals(v, v); // false only for NaN; all bits set (= −1 as int) where valid
                Vector.Store(Vector.Load(sum + i) + Vector.ConditionalSelect(valid, v, Vector<float>.Zero), sum + i);
                Vector.Store(Vector.Load(count + i) - valid, count + i);
                if (disturbed != null) Vector.Store(Vector.Load(disturbed + i) - Vector.GreaterThan(v, lv), disturbed + i); // −1 where above; NaN compares false
            }
        }
        for (; i < end; i++)
        {
            var v = ndai[i];
            if (float.IsNaN(v)) continue;
            sum[i] += v;
            count[i]++;
            if (disturbed != null && v > level) disturbed[i]++;
        }
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
