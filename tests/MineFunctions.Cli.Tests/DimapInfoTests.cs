namespace MineFunctions.Cli.Tests;

/// <summary>`mine info` on SNAP BEAM-DIMAP products: one built in SNAP's layout, and the real header whose bands were never published.</summary>
public sealed class DimapInfoTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mine-dimap-info").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task MineInfo_OnADim_ShowsTheCoherenceBand_TheDimsGridAndNoData_DatesAndBaseline()
    {
        var dim = SnapDimapWriter.Write(_dir, "20190809_20190902_coh_tc", 3, 2, [new DimapTestBand("coh_IW2_VV_09Aug2019_02Sep2019", [0.5f, 0f, 0.25f, 1f, 0.75f, 0.125f])],
            [-22.9, 0.001, 0, 64.2, 0, -0.001], Infrastructure.Gdal.GridCrs.Wkt(4326), new DateOnly(2019, 8, 9), new DateOnly(2019, 9, 2), bperp: 66.98);
        var (code, output, err) = await Mine.RunAsync("info", dim);
        Assert.True(code == 0, err);
        Assert.Contains("Driver:       ENVI", output);
        Assert.Contains("3 × 2 px", output);
        Assert.Contains("EPSG:4326", output);
        Assert.Contains("GeoTransform: [-22.9, 0.001, 0, 64.2, 0, -0.001]", output);
        Assert.Contains("NoData:       0", output);
        Assert.Contains("band coh_IW2_VV_09Aug2019_02Sep2019", output);
        Assert.Contains("2019-08-09 → 2019-09-02 (24 days", output);
        Assert.Contains("Bperp 66.98 m; looks 6x2", output);
    }

    [SharedDataFact("data", "real", "snap-dimap-coherence-header")]
    public async Task MineInfo_OnTheRealHeader_NamesTheBandFileThatIsMissing()
    {
        var (code, _, err) = await Mine.RunAsync("info", SharedData.Real("snap-dimap-coherence-header", "S1_IW_SLC_coherance.dim"));
        Assert.Equal(1, code);
        Assert.Contains("coh_IW2_VV_09Aug2019_02Sep2019.img", err);
        Assert.DoesNotContain("   at ", err);
    }
}
