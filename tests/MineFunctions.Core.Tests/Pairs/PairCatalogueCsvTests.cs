using MineFunctions.Core.Pairs;
using MineFunctions.Testing;

namespace MineFunctions.Core.Tests.Pairs;

public sealed class PairCatalogueCsvTests
{
    private static PairCatalogue Read(string csv, string source = "pairs.csv") => PairCatalogueCsv.Read(new StringReader(csv), source);

    [Fact]
    public void OurFormat_ReadsHeaderAndOptionalColumns()
    {
        var c = Read("reference,secondary,bperp_m,track,direction,polarisation\n2021-01-03,2021-01-15,-42.5,T005,asc,vv\n20210115,20210127,,,,\n");
        Assert.Equal(PairCatalogueFormats.Ours, c.Format);
        Assert.Equal(2, c.Pairs.Count);
        Assert.Equal(new PairCatalogueEntry(new(2021, 1, 3), new(2021, 1, 15), -42.5, "T005", "ASC", "VV", "pairs.csv (reference,secondary,bperp_m)"), c.Pairs[0]);
        Assert.Null(c.Find(new(2021, 1, 15), new(2021, 1, 27))!.PerpendicularBaselineM);
        Assert.Null(c.Find(new(2021, 1, 3), new(2021, 1, 27)));
    }

    [Fact]
    public void OurFormat_AcceptsAsfStyleColumnNamesInAnyOrder()
    {
        var c = Read("secondary,reference,perpendicularBaseline\n2021-01-15,2021-01-03,120\n");
        Assert.Equal(120, c.Find(new(2021, 1, 3), new(2021, 1, 15))!.PerpendicularBaselineM);
    }

    [Fact]
    public void BadRows_AreReportedWithSourceAndLine()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Read("reference,secondary,bperp_m\n2021-01-03,2021-01-15,ten\n2021-13-01,2021-01-15,1\n"));
        Assert.Contains("pairs.csv:2:", ex.Message);
        Assert.Contains("pairs.csv:3:", ex.Message);
    }

    [Fact]
    public void AnUnknownHeader_NamesTheAcceptedForms() =>
        Assert.Contains("ASF Vertex SBAS", Assert.Throws<InvalidDataException>(() => Read("ref,sec\n")).Message);

    // The ASF Vertex SBAS export, laid out as the issue quotes its header (spaces after some commas), with
    // scene names in the cells. Bperp by hand: 87.25 − (−25.5) = 112.75; 340 − 87.25 = 252.75.
    internal const string VertexSbas =
        "Reference, Reference URL, Reference Perpendicular Baseline (meters),Secondary, Secondary URL, Secondary Perpendicular Baseline (meters),Pair Temporal Baseline (days)\n" +
        "S1A_IW_SLC__1SDV_20200611T220748_20200611T220814_032975_03D1CD_4405,https://datapool.asf.alaska.edu/SLC/SA/S1A_IW_SLC__1SDV_20200611T220748_20200611T220814_032975_03D1CD_4405.zip,-25.5," +
        "S1A_IW_SLC__1SDV_20200623T220749_20200623T220815_033150_03D72F_9A1B,https://datapool.asf.alaska.edu/SLC/SA/S1A_IW_SLC__1SDV_20200623T220749_20200623T220815_033150_03D72F_9A1B.zip,87.25,12\n" +
        "S1A_IW_SLC__1SDV_20200623T220749_20200623T220815_033150_03D72F_9A1B,https://datapool.asf.alaska.edu/SLC/SA/S1A_IW_SLC__1SDV_20200623T220749_20200623T220815_033150_03D72F_9A1B.zip,87.25," +
        "S1A_IW_SLC__1SDV_20200717T220751_20200717T220818_033500_03E1B2_77C0,https://datapool.asf.alaska.edu/SLC/SA/S1A_IW_SLC__1SDV_20200717T220751_20200717T220818_033500_03E1B2_77C0.zip,340,24\n" +
        "S1A_IW_SLC__1SDV_20200611T220748_20200611T220814_032975_03D1CD_4405,https://datapool.asf.alaska.edu/SLC/SA/S1A_IW_SLC__1SDV_20200611T220748_20200611T220814_032975_03D1CD_4405.zip,-25.5," +
        "S1A_IW_SLC__1SDV_20200717T220751_20200717T220818_033500_03E1B2_77C0,https://datapool.asf.alaska.edu/SLC/SA/S1A_IW_SLC__1SDV_20200717T220751_20200717T220818_033500_03E1B2_77C0.zip,340,36\n";

    [Fact]
    public void VertexSbas_DatesFromSceneNames_BperpIsSecondaryMinusReference()
    {
        var c = Read(VertexSbas);
        Assert.Equal(PairCatalogueFormats.VertexSbas, c.Format);
        Assert.Equal(3, c.Pairs.Count);
        var first = c.Find(new(2020, 6, 11), new(2020, 6, 23))!;
        Assert.Equal(112.75, first.PerpendicularBaselineM);
        Assert.Equal("pairs.csv (ASF Vertex SBAS)", first.Source);
        Assert.Equal(252.75, c.Find(new(2020, 6, 23), new(2020, 7, 17))!.PerpendicularBaselineM);
        Assert.Equal(365.5, c.Find(new(2020, 6, 11), new(2020, 7, 17))!.PerpendicularBaselineM);
        Assert.Empty(c.Warnings);
    }

    [Fact]
    public void VertexSbas_QuotedCells_AndATemporalBaselineDisagreeingWithTheDates_IsAWarning()
    {
        var csv = "\"Reference\",\"Reference URL\",\"Reference Perpendicular Baseline (meters)\",\"Secondary\",\"Secondary URL\",\"Secondary Perpendicular Baseline (meters)\",\"Pair Temporal Baseline (days)\"\r\n" +
                  "\"S1B_IW_SLC__1SDV_20210102T032031_20210102T032058_024970_02F8C3_C081\",\"\",\"0\",\"S1B_IW_SLC__1SDV_20210114T032030_20210114T032057_025145_02FE61_454A\",\"\",\"37\",\"24\"\r\n";
        var c = Read(csv);
        Assert.Equal(37, c.Find(new(2021, 1, 2), new(2021, 1, 14))!.PerpendicularBaselineM);
        Assert.Contains("24 d disagrees", Assert.Single(c.Warnings));
    }

    // asf_search's results.csv(): every field quoted, its column names (asf_search/export/csv.py), one row per scene.
    [Fact]
    public void AsfSearchResultsCsv_IsAStack_PairBperpIsTheDifferenceOfItsScenes()
    {
        string[] header = ["Granule Name", "Platform", "Sensor", "Beam Mode", "Beam Mode Description", "Orbit", "Path Number", "Frame Number", "Acquisition Date",
            "Processing Date", "Processing Level", "Start Time", "End Time", "Center Lat", "Center Lon", "Near Start Lat", "Near Start Lon", "Far Start Lat", "Far Start Lon",
            "Near End Lat", "Near End Lon", "Far End Lat", "Far End Lon", "Faraday Rotation", "Ascending or Descending?", "URL", "Size (MB)", "Off Nadir Angle",
            "Stack Size", "Doppler", "GroupID", "Pointing Angle", "TemporalBaseline", "PerpendicularBaseline"];
        string Row(string scene, string start, string tb, string pb) => string.Join(",", header.Select(h => "\"" + h switch
        {
            "Granule Name" => scene,
            "Path Number" => "94",
            "Start Time" => start,
            "Ascending or Descending?" => "ASCENDING",
            "TemporalBaseline" => tb,
            "PerpendicularBaseline" => pb,
            "Faraday Rotation" => "None",
            _ => "",
        } + "\""));
        var csv = string.Join("\r\n", string.Join(",", header.Select(h => $"\"{h}\"")),
            Row("S1B_IW_SLC__1SDV_20210102T032031_20210102T032058_024970_02F8C3_C081", "2021-01-02T03:20:31.000000", "0", "0"),
            Row("S1B_IW_SLC__1SDV_20210114T032030_20210114T032057_025145_02FE61_454A", "2021-01-14T03:20:30.000000", "12", "37"),
            Row("S1B_IW_SLC__1SDV_20210126T032030_20210126T032057_025320_0303F3_7BE5", "2021-01-26T03:20:30.000000", "24", "40")) + "\r\n";
        var c = Read(csv, "stack.csv");
        Assert.Equal(PairCatalogueFormats.AsfSearchStack, c.Format);
        Assert.Equal(3, c.Scenes.Count);
        var p = c.Find(new(2021, 1, 14), new(2021, 1, 26))!;
        Assert.Equal((3.0, "94", "ASCENDING", "stack.csv (asf_search stack)"), (p.PerpendicularBaselineM!.Value, p.Track, p.Direction, p.Source));
        Assert.Null(c.Find(new(2021, 1, 14), new(2021, 2, 7)));
    }

    // The real asf_search stack of three Fairbanks scenes (properties flattened to CSV, with a '#' provenance line):
    // perpendicularBaseline 0, 37, 40 m on 2021-01-02, 01-14, 01-26, so the pairs' Bperp are 37, 3 and 40 m.
    [SharedDataFact("data", "real", "asf-search", "Fairbanks_S1_stack_baselines.csv")]
    public void RealFairbanksStackCsv_GivesEachPairTheDifferenceOfItsScenes()
    {
        var path = SharedData.Real("asf-search", "Fairbanks_S1_stack_baselines.csv");
        var c = PairCatalogueCsv.Read(new StringReader(File.ReadAllText(path)), "pairs.csv");
        Assert.Equal(PairCatalogueFormats.AsfSearchStack, c.Format);
        Assert.Equal(3, c.Scenes.Count);
        Assert.Equal(37, c.Find(new(2021, 1, 2), new(2021, 1, 14))!.PerpendicularBaselineM);
        Assert.Equal(3, c.Find(new(2021, 1, 14), new(2021, 1, 26))!.PerpendicularBaselineM);
        var longest = c.Find(new(2021, 1, 2), new(2021, 1, 26))!;
        Assert.Equal((40.0, "94", "ASCENDING", "VV+VH"), (longest.PerpendicularBaselineM!.Value, longest.Track, longest.Direction, longest.Polarisation));
    }

    // The real 166-burst stack (SE Alaska): 2014-10-17 has 19 m, 2014-11-10 73 m, 2014-12-04 88 m.
    [SharedDataFact("data", "real", "asf-search", "SLC_BURST_stack_baselines.csv")]
    public void RealBurstStackCsv_ReadsEveryScene()
    {
        var c = PairCatalogueCsv.Read(new StringReader(File.ReadAllText(SharedData.Real("asf-search", "SLC_BURST_stack_baselines.csv"))), "pairs.csv");
        Assert.Equal(166, c.Scenes.Count);
        Assert.Equal(54, c.Find(new(2014, 10, 17), new(2014, 11, 10))!.PerpendicularBaselineM);
        Assert.Equal(15, c.Find(new(2014, 11, 10), new(2014, 12, 4))!.PerpendicularBaselineM);
        Assert.Equal("VV", c.Scenes[0].Polarisation);
    }
}
