using MineFunctions.Core.Stable;

namespace MineFunctions.Core.Tests.Stable;

/// <summary>Saved and restored statistics, extended by more pairs, equal the statistics of every pair added in one go, bit for bit.</summary>
public sealed class PixelStatisticsStateTests
{
    private static float[] Pair(int seed, int pixels)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, pixels).Select(i => i % 7 == 3 && seed % 2 == 0 ? float.NaN : (float)random.NextDouble()).ToArray();
    }

    [Fact]
    public void RestoredAndExtended_EqualsAddingEveryPairInOrder_BitForBit()
    {
        const int pixels = 257;
        var pairs = Enumerable.Range(1, 9).Select(s => Pair(s, pixels)).ToList();
        var straight = new PixelStatistics(pixels);
        foreach (var p in pairs) straight.Add(p);

        var first = new PixelStatistics(pixels);
        foreach (var p in pairs.Take(5)) first.Add(p);
        var resumed = PixelStatistics.Restore(first.Save());
        foreach (var p in pairs.Skip(5)) resumed.Add(p);

        Assert.Equal(straight.PairsAdded, resumed.PairsAdded);
        Assert.Equal(straight.Counts.ToArray(), resumed.Counts.ToArray());
        for (var i = 0; i < pixels; i++)
        {
            Assert.Equal(BitConverter.DoubleToInt64Bits(straight.Mean(i)), BitConverter.DoubleToInt64Bits(resumed.Mean(i)));
            Assert.Equal(BitConverter.DoubleToInt64Bits(straight.StandardDeviation(i)), BitConverter.DoubleToInt64Bits(resumed.StandardDeviation(i)));
        }
        Assert.Equal(straight.Save(), resumed.Save());
    }

    [Fact]
    public void Restore_RejectsWhatIsNoSavedState()
    {
        var saved = new PixelStatistics(4).Save();
        Assert.Throws<InvalidDataException>(() => PixelStatistics.Restore(saved.AsSpan(0, saved.Length - 1)));
        Assert.Throws<InvalidDataException>(() => PixelStatistics.Restore([1, 2, 3]));
    }
}
