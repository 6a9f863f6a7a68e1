using MineFunctions.Core.Ndai;

namespace MineFunctions.Core.Tests.Ndai;

public sealed class NdaiTests
{
    [Fact]
    public void Ndai_IsZeroOnStableGround_OneOnFullyDecorrelatedGround_AndNaNStaysNaN()
    {
        float[] coherence = [0.9f, 0f, 0.3f, float.NaN, 1f, 0.45f, 0.9f, 0f, 0.6f, 0.2f, 0.1f];
        var ndai = new float[coherence.Length];
        NdaiCalculator.Compute(coherence, 0.9, ndai);

        Assert.Equal(0f, ndai[0]);
        Assert.Equal(1f, ndai[1]);
        Assert.Equal(0.5f, ndai[2], 6); // (0.9 − 0.3) / 1.2
        Assert.True(float.IsNaN(ndai[3]));
        Assert.Equal(-0.1f / 1.9f, ndai[4], 6);
    }

    [Fact]
    public void VectorAndScalarPaths_Agree()
    {
        var coherence = Enumerable.Range(0, 37).Select(i => i % 5 == 0 ? float.NaN : i / 37f).ToArray();
        var v = new float[37];
        var s = new float[37];
        NdaiCalculator.Compute(coherence, 0.87, v);
        NdaiCalculator.Compute(coherence, 0.87, s, forceScalar: true);
        Assert.Equal(s, v);
    }

    [Fact]
    public void AnnualMean_WithADisturbanceLevel_CountsThePairsAboveIt_OnVectorAndScalarPaths()
    {
        // Level 0.4: pixel i gets 0.3, 0.5, NaN, 0.4 (not above), 0.41 over the pairs → 2 disturbed of 4 valid.
        float[][] pairs = [[0.3f], [0.5f], [float.NaN], [0.4f], [0.41f]];
        foreach (var forceScalar in new[] { false, true })
        {
            var acc = new AnnualMeanAccumulator(37, 0.4); // 37: vector body and scalar tail both used
            foreach (var p in pairs) acc.Add(Enumerable.Repeat(p[0], 37).ToArray(), forceScalar);
            Assert.All(acc.Disturbed.ToArray(), d => Assert.Equal(2, d));
            Assert.All(acc.Counts.ToArray(), c => Assert.Equal(4, c));
        }
        Assert.True(new AnnualMeanAccumulator(3).Disturbed.IsEmpty); // no level, no counting
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void NdaiWithoutAPositiveStableMean_IsRefused(double stableMean) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NdaiCalculator.Compute([0.5f], stableMean, new float[1]));

    [Fact]
    public void AnnualMean_IgnoresNodata_KeepsPerPixelCounts_AndIsNaNWhereNoPairContributed()
    {
        var acc = new AnnualMeanAccumulator(19); // not a multiple of the vector width
        var first = Enumerable.Repeat(0.2f, 19).ToArray();
        var second = Enumerable.Repeat(0.6f, 19).ToArray();
        second[3] = float.NaN;
        first[18] = second[18] = float.NaN;
        acc.Add(first);
        acc.Add(second);
        var mean = acc.Mean();

        Assert.Equal(2, acc.PairsAdded);
        Assert.Equal(0.4f, mean[0], 6);
        Assert.Equal(0.2f, mean[3], 6);
        Assert.Equal(1, acc.Counts[3]);
        Assert.Equal(0.4f, mean[17], 6);
        Assert.True(float.IsNaN(mean[18]));
        Assert.Equal(0, acc.Counts[18]);

        var scalar = new AnnualMeanAccumulator(19);
        scalar.Add(first, forceScalar: true);
        scalar.Add(second, forceScalar: true);
        Assert.Equal(mean, scalar.Mean());
        Assert.Equal(acc.Counts.ToArray(), scalar.Counts.ToArray());
    }

    [Theory]
    [InlineData("2020-12-25", "2021-01-06", YearAssignmentRule.MidDate, 2020)]   // mid-date 2020-12-31
    [InlineData("2020-12-27", "2021-01-08", YearAssignmentRule.MidDate, 2021)]   // mid-date 2021-01-02
    [InlineData("2020-12-27", "2021-01-08", YearAssignmentRule.ReferenceDate, 2020)]
    [InlineData("2021-01-08", "2020-12-27", YearAssignmentRule.ReferenceDate, 2020)] // order of the dates does not matter
    public void YearOfPair_FollowsTheRule(string reference, string secondary, YearAssignmentRule rule, int year) =>
        Assert.Equal(year, YearAssignment.YearOf(DateOnly.Parse(reference), DateOnly.Parse(secondary), rule));
}
