using MineFunctions.Core.Ndai;
using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Pairs;

public sealed class PairInventoryTests
{
    private static PairInventoryResult Build(IEnumerable<string> rasters, IEnumerable<string>? slc = null, PairCatalogue? catalogue = null) =>
        PairInventory.Build(rasters, slc ?? [], catalogue ?? PairCatalogue.None, new PairSelectionRules(), YearAssignmentRule.MidDate);

    [Fact]
    public void HyP3Names_AreSelected_WithCaseKept()
    {
        var r = Build(["m/pairs/S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif",
            "m/pairs/S1AB_20210115T150004_20210127T145926_VVP012_INT80_G_ueF_4D09/S1AB_20210115T150004_20210127T145926_VVP012_INT80_G_ueF_4D09_corr.tif"]);
        Assert.Empty(r.Excluded);
        Assert.Equal(["m/pairs/S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif",
            "m/pairs/S1AB_20210115T150004_20210127T145926_VVP012_INT80_G_ueF_4D09/S1AB_20210115T150004_20210127T145926_VVP012_INT80_G_ueF_4D09_corr.tif"],
            r.Selected.Select(p => p.InputName));
        Assert.Equal(["20210103_20210115", "20210115_20210127"], r.Selected.Select(p => p.Pair.PairId));
        Assert.All(r.Selected, p => Assert.Equal(2021, p.Year));
    }

    [Fact]
    public void DuplicateDates_KeepTheOrdinalFirstName_AndReportTheOther()
    {
        // Ordinal order: 'S' (0x53) sorts before 'c' (0x63), so the HyP3 name is kept.
        var r = Build(["m/pairs/coh_IW2_VV_03Jan2021_15Jan2021.tif", "m/pairs/S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif"]);
        var kept = Assert.Single(r.Selected);
        Assert.Equal("m/pairs/S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif", kept.InputName);
        var dropped = Assert.Single(r.Excluded);
        Assert.True(dropped.Duplicate);
        Assert.Equal("coh_IW2_VV_03Jan2021_15Jan2021.tif", dropped.Subject);
        Assert.Contains("duplicate of S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif", dropped.Reason);
    }

    [Fact]
    public void ARasterAndAnSlcPairOfTheSameDates_KeepTheRaster()
    {
        var r = Build(["m/pairs/x_20210103_20210115.tif"], ["m/slc/20210103.tif", "m/slc/20210115.tif", "m/slc/20210127.tif"]);
        Assert.Equal([("20210103_20210115", "m/pairs/x_20210103_20210115.tif"), ("20210115_20210127", null)],
            r.Selected.Select(p => (p.Pair.PairId, p.InputName)));
        Assert.Contains("coherence raster is kept", Assert.Single(r.Excluded).Reason);
    }

    [Fact]
    public void NamesWithoutAPair_AreExcludedWithTheReason_NeverAnError()
    {
        var r = Build(["m/pairs/coherence.tif", "m/pairs/x_20210103_20210115.tif"], ["m/slc/S1A_scene.tif"]);
        Assert.Single(r.Selected);
        Assert.Equal(["coherence.tif: no pair dates: no date in the name (yyyyMMdd, yyyyMMddTHHmmss or ddMMMyyyy between '_', '-' or '.')",
            "S1A_scene.tif: an SLC acquisition must be named <yyyyMMdd>.tif"], r.Excluded.Select(e => $"{e.Subject}: {e.Reason}"));
    }

    [Fact]
    public void CatalogueBaselines_ReachThePairs_AndRuleBreakersAreExcludedWithTheirNumbers()
    {
        var catalogue = PairCatalogueCsv.Read(new StringReader(PairCatalogueCsvTests.VertexSbas), "pairs.csv");
        var r = Build([
            "m/pairs/S1AA_20200611T220748_20200623T220749_VVP012_INT80_G_ueF_0001_corr.tif",
            "m/pairs/S1AA_20200623T220749_20200717T220751_VVP024_INT80_G_ueF_0002_corr.tif",
            "m/pairs/S1AA_20200611T220748_20200717T220751_VVP036_INT80_G_ueF_0003_corr.tif",
            "m/pairs/S1AA_20200717T220751_20200729T220752_VVP012_INT80_G_ueF_0004_corr.tif"], catalogue: catalogue);

        Assert.Equal(2, r.Selected.Count);
        var first = r.Selected[0].Pair;
        Assert.Equal((112.75, "pairs.csv (ASF Vertex SBAS)"), (first.PerpendicularBaselineM!.Value, first.BaselineSource));
        var unknown = r.Selected[1].Pair; // 2020-07-17/07-29: not in the catalogue
        Assert.Equal(("20200717_20200729", null, null), (unknown.PairId, unknown.PerpendicularBaselineM, unknown.BaselineSource));

        Assert.Equal(["temporal baseline 36 d not in [12, 24] d", "|Bperp| 252.8 m exceeds 250 m"],
            r.Excluded.OrderBy(e => e.Reason, StringComparer.Ordinal).Select(e => e.Reason));
        Assert.All(r.Excluded, e => Assert.Equal("pairs.csv (ASF Vertex SBAS)", e.Pair!.BaselineSource));
        Assert.Empty(r.Warnings);
    }

    [Fact]
    public void CataloguePairsWithoutInput_AreAWarning()
    {
        var catalogue = PairCatalogueCsv.Read(new StringReader(PairCatalogueCsvTests.VertexSbas), "pairs.csv");
        var r = Build(["m/pairs/S1AA_20200611T220748_20200623T220749_VVP012_INT80_G_ueF_0001_corr.tif"], catalogue: catalogue);
        Assert.Equal("2 pair(s) listed in pairs.csv (ASF Vertex SBAS) have no coherence raster or SLC pair: 2020-06-23/2020-07-17, 2020-06-11/2020-07-17",
            Assert.Single(r.Warnings));
    }

    [Fact]
    public void AStackPolarisationListingVV_QualifiesForTheVVRule()
    {
        var stack = PairCatalogueCsv.Read(new StringReader(
            "sceneName,startTime,pathNumber,flightDirection,polarization,temporalBaseline,perpendicularBaseline\n" +
            "a,2021-01-02T03:20:31Z,94,ASCENDING,VV+VH,0,0\nb,2021-01-14T03:20:30Z,94,ASCENDING,VV+VH,12,37\n"), "pairs.csv");
        var r = Build(["m/pairs/x_20210102_20210114.tif"], catalogue: stack);
        var p = Assert.Single(r.Selected).Pair;
        Assert.Equal((37.0, "pairs.csv (asf_search stack)"), (p.PerpendicularBaselineM!.Value, p.BaselineSource));
    }

    [Fact]
    public void InputReport_ListsSkippedDuplicateExcludedAndWarnings()
    {
        var r = new PairInventoryResult([], [new InventoryExclusion("a, b.tif", "duplicate of c.tif", null, true), new InventoryExclusion("20200101_20200206", "temporal baseline 36 d not in [12, 24] d", null, false)], ["w"]);
        var csv = InputReportCsv.Write(InputReportCsv.Lines([new InputReportLine("My Notes.txt", "skipped", "name 'My Notes.txt' is not usable")], r));
        Assert.Equal(
            "name,status,detail\n" +
            "My Notes.txt,skipped,name 'My Notes.txt' is not usable\n" +
            "\"a, b.tif\",duplicate,duplicate of c.tif\n" +
            "20200101_20200206,excluded,\"temporal baseline 36 d not in [12, 24] d\"\n" +
            ",warning,w\n", csv);
    }
}
