using MineFunctions.Core.Acquisition;

namespace MineFunctions.Core.Tests.Acquisition;

/// <summary>Jobs from pairs: names, single vs multi-burst, costs from the HyP3 job specs (EDC cost profile).</summary>
public sealed class Hyp3JobPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2020, 6, 4, 2, 23, 12, TimeSpan.Zero);

    private static AcquisitionPair Pair(string burst, int refDay = 0, int days = 12) =>
        new(new SceneAcquisition($"S1_{burst}_IW2_ref{refDay}", T0.AddDays(refDay), 136, "DESCENDING", "VV", $"136_{burst}_IW2", 0),
            new SceneAcquisition($"S1_{burst}_IW2_sec{refDay}", T0.AddDays(refDay + days), 136, "DESCENDING", "VV", $"136_{burst}_IW2", 20), "VV");

    [Fact]
    public void OneBurst_GivesOneSingleBurstJobPerPair_NamedByAssetAndPair()
    {
        var jobs = Hyp3JobPlanner.Plan("sishen", [Pair("136231"), Pair("136231", 12)], Hyp3JobType.IsceBurst, "5x1");
        Assert.Equal(2, jobs.Count);
        Assert.Equal("mf:sishen:136_136231_IW2_20200604_20200616_VV", jobs[0].Name);
        Assert.Equal(Hyp3JobType.IsceBurst, jobs[0].JobType);
        Assert.Equal(["S1_136231_IW2_ref0"], jobs[0].Reference);
        Assert.Equal(["S1_136231_IW2_sec0"], jobs[0].Secondary);
        Assert.Equal(1.0, jobs[0].Cost);
        Assert.Equal(20, jobs[0].PerpendicularBaselineM);
    }

    [Fact]
    public void APolygonSpanningBursts_GivesOneMultiBurstJobPerDatePair_PricedByTheSpecTable()
    {
        var jobs = Hyp3JobPlanner.Plan("sishen", [Pair("136232"), Pair("136231"), Pair("136233")], Hyp3JobType.IsceBurst, "5x1");
        var job = Assert.Single(jobs);
        Assert.Equal(Hyp3JobType.IsceMultiBurst, job.JobType);
        Assert.Equal(["S1_136231_IW2_ref0", "S1_136232_IW2_ref0", "S1_136233_IW2_ref0"], job.Reference);
        Assert.Equal("mf:sishen:136_136231_IW2_20200604_20200616_VV_x3", job.Name);
        Assert.Equal(10.0, job.Cost); // INSAR_ISCE_MULTI_BURST.yml, EDC, 5x1, 3 bursts
    }

    [Theory]
    [InlineData(Hyp3JobType.IsceBurst, "20x4", 1, 1.0)]
    [InlineData(Hyp3JobType.IsceMultiBurst, "20x4", 5, 5.0)]
    [InlineData(Hyp3JobType.IsceMultiBurst, "10x2", 4, 5.0)]
    [InlineData(Hyp3JobType.IsceMultiBurst, "5x1", 1, 1.0)]
    [InlineData(Hyp3JobType.IsceMultiBurst, "5x1", 11, 90.0)]
    [InlineData(Hyp3JobType.IsceMultiBurst, "20x4", 15, 10.0)]
    [InlineData(Hyp3JobType.Gamma, "20x4", 1, 10.0)]
    [InlineData(Hyp3JobType.Gamma, "10x2", 1, 15.0)]
    public void Costs_AreTheSpecTables(string type, string looks, int bursts, double cost) =>
        Assert.Equal(cost, Hyp3JobType.Cost(type, looks, bursts));

    [Fact]
    public void LooksOutsideTheSpecEnum_AndUnknownTypes_AreRefused()
    {
        Assert.Contains("5x1", Assert.Throws<ArgumentException>(() => Hyp3JobType.Validate(Hyp3JobType.Gamma, "5x1")).Message);
        Assert.Throws<ArgumentException>(() => Hyp3JobType.Validate("INSAR_SNAP", "5x1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Hyp3JobType.Cost(Hyp3JobType.IsceMultiBurst, "5x1", 16));
        Assert.Equal(Hyp3JobType.IsceBurst, Hyp3JobType.Validate("insar_isce_burst", "5x1"));
    }

    [Fact]
    public void NamesOverTheApiLimit_AreRefusedWithTheReason()
    {
        var ex = Assert.Throws<ArgumentException>(() => Hyp3JobPlanner.JobName(new string('a', 80), "136_136231_IW2_20200604_20200616_VV"));
        Assert.Contains("allows 100", ex.Message);
    }

    [Fact]
    public void GammaJobs_AreOnePerPair_EvenWhenDatesRepeat()
    {
        var jobs = Hyp3JobPlanner.Plan("a1", [Pair("136231"), Pair("136232")], Hyp3JobType.Gamma, "20x4");
        Assert.Equal(2, jobs.Count);
        Assert.All(jobs, j => Assert.Equal(10.0, j.Cost));
    }
}

/// <summary>The Bperp read back from a product's parameter file (format of the HyP3 product guides, Table 4).</summary>
public sealed class Hyp3ParameterFileTests
{
    [Fact]
    public void Baseline_IsRead_AndAbsentOrBrokenValuesAreTold()
    {
        const string text = "Reference Granule: S1_136231_IW2_20200604T022312_VV_7C85-BURST\nReference Pass Direction: DESCENDING\nBaseline: 58.3898\nUTC time: 12360.691361\n";
        Assert.Equal(58.3898, Hyp3ParameterFile.PerpendicularBaselineM(text));
        Assert.Equal(-12.5, Hyp3ParameterFile.PerpendicularBaselineM("baseline : -12.5\r\n"));
        Assert.Null(Hyp3ParameterFile.PerpendicularBaselineM("Heading: 193.29\n"));
        Assert.Throws<FormatException>(() => Hyp3ParameterFile.PerpendicularBaselineM("Baseline: n/a\n"));
    }
}
