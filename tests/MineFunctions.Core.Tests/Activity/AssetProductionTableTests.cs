using MineFunctions.Core.Activity;

namespace MineFunctions.Core.Tests.Activity;

public sealed class AssetProductionTableTests
{
    [Fact]
    public void SeedTable2_With100m2Pixels_Reproduces2021And2022AreasAndTonnesPerSquareMetre()
    {
        var areas = YearArea.FromCounts(SeedTable2.Counts, 100, SeedTable2.Years);
        var table = AssetProductionTable.Compute(areas, SeedTable2.OreT);

        Assert.Equal(116_891, table.Years[1].ActivePixels);
        Assert.Equal(11_689_100, table.Years[1].AreaM2, 6);
        Assert.Equal(110_392, table.Years[2].ActivePixels);
        Assert.Equal(11_039_200, table.Years[2].AreaM2, 6);
        Assert.Equal(3.242, Math.Round(table.Years[1].TPerM2!.Value, 3));
        Assert.Equal(3.171, Math.Round(table.Years[2].TPerM2!.Value, 3));
        Assert.All(table.Years, y => Assert.Equal(Confidence.High, y.Confidence));
        Assert.All(table.Years, y => Assert.Null(y.EstimatedOreT));
    }

    [Fact]
    public void SeedTable2_2020_ColourSumIs100931_AndThePublished105931IsFlagged()
    {
        var checks = PublishedTotalCheck.Compare(SeedTable2.Counts, SeedTable2.Years, SeedTable2.PublishedTotals);
        Assert.Equal(3, checks.Count);
        var y2020 = checks[0];
        Assert.Equal(100_931, y2020.ColourSum);
        Assert.False(y2020.IsConsistent);
        Assert.Equal(5_000, y2020.Difference);
        Assert.Contains("100,931", y2020.Describe());
        Assert.True(checks[1].IsConsistent);
        Assert.True(checks[2].IsConsistent);
    }

    [Fact]
    public void SeedTable2_PercentChanges_MatchMethodErrata()
    {
        // METHOD.md §2: with the published 2020 total, 2020→2021 is +10.35 % area and +4.70 % production;
        // 2021→2022 is −5.56 % area and −7.65 % production (the seed prints 5.6 % and 7.7 %).
        Assert.Equal(10.35, Math.Round(PercentChange.Between(105_931, 116_891)!.Value, 2));
        Assert.Equal(4.70, Math.Round(PercentChange.Between(36.2e6, 37.9e6)!.Value, 2));
        Assert.Equal(-5.56, Math.Round(PercentChange.Between(116_891, 110_392)!.Value, 2));
        Assert.Equal(-7.65, Math.Round(PercentChange.Between(37.9e6, 35.0e6)!.Value, 2));
        // 3.417 t/m² for 2020 only holds with the published total, not with the colour sum.
        Assert.Equal(3.417, Math.Round(36.2e6 / (105_931 * 100.0), 3));
        var areas = YearArea.FromCounts(SeedTable2.Counts, 100, SeedTable2.Years);
        Assert.Equal(3.587, Math.Round(AssetProductionTable.Compute(areas, SeedTable2.OreT).Years[0].TPerM2!.Value, 3));
    }

    [Fact]
    public void PercentChange_FromZero_IsUndefined() => Assert.Null(PercentChange.Between(0, 5));

    [Fact]
    public void YearWithoutReport_GetsAreaTimesOwnMeanTonnesPerSquareMetre_Medium()
    {
        var areas = YearArea.FromCounts(SeedTable2.Counts, 100, SeedTable2.Years);
        var ore = new Dictionary<int, double> { [2021] = 37.9e6, [2022] = 35.0e6 };
        var table = AssetProductionTable.Compute(areas, ore);

        var mean = (37.9e6 / 11_689_100 + 35.0e6 / 11_039_200) / 2;
        Assert.Equal(mean, table.OwnTPerM2!.Mean, 12);
        Assert.Equal(2, table.OwnTPerM2.Count);
        Assert.NotNull(table.OwnTPerM2.StdDev);
        var y2020 = table.Years[0];
        Assert.Null(y2020.ReportedOreT);
        Assert.Equal(mean, y2020.TPerM2!.Value, 12);
        Assert.Equal(10_093_100 * mean, y2020.EstimatedOreT!.Value, 3);
        Assert.Equal(Confidence.Medium, y2020.Confidence);
    }

    [Fact]
    public void NoReportedProduction_LeavesEstimatesEmpty()
    {
        var areas = YearArea.FromCounts(SeedTable2.Counts, 100, SeedTable2.Years);
        var table = AssetProductionTable.Compute(areas, new Dictionary<int, double>());
        Assert.Null(table.OwnTPerM2);
        Assert.All(table.Years, y => { Assert.Null(y.TPerM2); Assert.Null(y.EstimatedOreT); Assert.Null(y.Confidence); });
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void NonPositivePixelArea_IsRejected(double area) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => YearArea.FromCounts(SeedTable2.Counts, area, SeedTable2.Years));

    [Fact]
    public void NonConsecutiveYears_AreRejected() =>
        Assert.Throws<ArgumentException>(() => YearArea.FromCounts(SeedTable2.Counts, 100, [2020, 2022, 2023]));

    [Fact]
    public void SamplePool_UsesBesselStdDev_AndNullForASingleMember()
    {
        var pool = SamplePool.From([1.0, 2.0, 3.0])!;
        Assert.Equal(2.0, pool.Mean);
        Assert.Equal(1.0, pool.StdDev!.Value, 12);
        Assert.Null(SamplePool.From([4.2])!.StdDev);
        Assert.Null(SamplePool.From([]));
    }
}
