using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Infrastructure.Tests.Storage;

public sealed class LayoutTests
{
    private static readonly DateOnly Ref = new(2021, 1, 5);
    private static readonly DateOnly Sec = new(2021, 1, 17);
    private const string Key = "v1-0123456789abcdef";

    [Fact]
    public void ProductNames_AreBuiltFromAssetSettingsKeyAndPairOrYearOrWindow()
    {
        Assert.Equal("m1/v1-0123456789abcdef/coherence/20210105_20210117.tif", StorageLayout.Coherence("m1", Key, Ref, Sec));
        Assert.Equal("m1/v1-0123456789abcdef/ndai/20210105_20210117.tif", StorageLayout.Ndai("m1", Key, Ref, Sec));
        Assert.Equal("m1/v1-0123456789abcdef/annual/2021.tif", StorageLayout.Annual("m1", Key, 2021));
        Assert.Equal("m1/v1-0123456789abcdef/composite/2020-2022.tif", StorageLayout.Composite("m1", Key, 2020, 2022));
        Assert.Equal("m1/v1-0123456789abcdef/classes/2020-2022.tif", StorageLayout.Classes("m1", Key, 2020, 2022));
        Assert.Equal("m1/v1-0123456789abcdef/png/composite_2020-2022.png", StorageLayout.Png("m1", Key, "composite_2020-2022"));
        Assert.Equal("m1/v1-0123456789abcdef/", StorageLayout.ProductPrefix("m1", Key));
    }

    [Fact]
    public void InputNames_FollowTheAssetFolderLayout()
    {
        Assert.Equal("m1/asset.json", StorageLayout.Manifest("m1"));
        Assert.Equal("m1/polygon.geojson", StorageLayout.Polygon("m1"));
        Assert.Equal("m1/production.csv", StorageLayout.Production("m1"));
        Assert.Equal("m1/emissions.csv", StorageLayout.Emissions("m1"));
        Assert.Equal("m1/pairs.csv", StorageLayout.PairCatalogue("m1"));
        Assert.Equal("m1/pairs/s1_20210105_20210117.tif", StorageLayout.PairRaster("m1", "s1_20210105_20210117.tif"));
        Assert.Equal("m1/slc/20210105.tif", StorageLayout.SlcRaster("m1", Ref));
    }

    [Fact]
    public void Layout_RejectsHostileAssetIdsAndFileNames()
    {
        Assert.Throws<StorageNameException>(() => StorageLayout.PairRaster("m1", "../../mine-products/x.tif"));
        Assert.Throws<StorageNameException>(() => StorageLayout.Manifest("../other"));
        Assert.Throws<StorageNameException>(() => StorageLayout.Annual("m1", "../x", 2021));
        Assert.Throws<StorageNameException>(() => StorageLayout.Png("m1", Key, "a/b"));
        Assert.Throws<StorageNameException>(() => StorageLayout.Polygon("m1", "other.geojson"));
    }

    [Fact]
    public void PairAndWindowIds_RejectReversedOrder()
    {
        Assert.Throws<ArgumentException>(() => StorageLayout.PairId(Sec, Ref));
        Assert.Throws<ArgumentException>(() => StorageLayout.PairId(Ref, Ref));
        Assert.Throws<ArgumentException>(() => StorageLayout.WindowId(2022, 2020));
    }

    [Fact]
    public void PairIds_ParseBackToTheirDates_AndOtherTextIsRefused()
    {
        Assert.Equal((Ref, Sec), StorageLayout.ParsePairId("20210105_20210117"));
        Assert.Equal((Ref, Sec), StorageLayout.ParsePairId(StorageLayout.PairId(Ref, Sec)));
        Assert.Throws<InvalidDataException>(() => StorageLayout.ParsePairId("20210105-20210117"));
        Assert.Throws<InvalidDataException>(() => StorageLayout.ParsePairId("20210105_20211317"));
        Assert.Throws<InvalidDataException>(() => StorageLayout.ParsePairId("20210105_20210117_x"));
    }

    [Fact]
    public void SettingsKey_IsDeterministicAndChangesWithSettingsOrVersion()
    {
        var a = StorageLayout.SettingsKey("v1", "{\"WindowX\":7}");
        Assert.Equal(a, StorageLayout.SettingsKey("v1", "{\"WindowX\":7}"));
        Assert.Matches("^v1-[0-9a-f]{16}$", a);
        Assert.NotEqual(a, StorageLayout.SettingsKey("v1", "{\"WindowX\":9}"));
        Assert.NotEqual(a, StorageLayout.SettingsKey("v2", "{\"WindowX\":7}"));
        Assert.Throws<StorageNameException>(() => StorageLayout.SettingsKey("../v1", "{}"));
        Assert.Throws<StorageNameException>(() => StorageLayout.CheckSettingsKey("v1_abc"));
    }

    [Theory]
    [InlineData("m1/asset.json", InputBlobKind.Manifest)]
    [InlineData("m1/polygon.zip", InputBlobKind.Polygon)]
    [InlineData("m1/production.csv", InputBlobKind.Production)]
    [InlineData("m1/emissions.csv", InputBlobKind.Emissions)]
    [InlineData("m1/pairs.csv", InputBlobKind.PairCatalogue)]
    [InlineData("m1/pairs/x_20210105_20210117.tif", InputBlobKind.PairRaster)]
    [InlineData("m1/slc/20210105.tif", InputBlobKind.SlcRaster)]
    [InlineData("m1/pairs.geojson", InputBlobKind.PairCatalogue)]
    [InlineData("m1/pairs/S1_184302_IW2_20210103_20210115_VV_INT20_0000_corr.tif", InputBlobKind.PairRaster)]
    [InlineData("m1/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_corr.tif", InputBlobKind.PairRaster)]
    [InlineData("m1/pairs/coh_IW2_VV_09Aug2019_02Sep2019.TIF", InputBlobKind.PairRaster)]
    [InlineData("m1/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09.zip", InputBlobKind.PairRaster)]
    [InlineData("m1/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09.txt", InputBlobKind.PairParameters)]
    public void Classify_RecognisesEveryInputKind(string name, InputBlobKind kind)
    {
        var blob = StorageLayout.Classify(name);
        Assert.NotNull(blob);
        Assert.Equal(kind, blob.Kind);
        Assert.Equal("m1", blob.AssetId);
    }

    [Theory]
    [InlineData("m1/notes.txt")]
    [InlineData("m1/pairs/readme.md")]
    [InlineData("m1/other/x.tif")]
    public void Classify_IgnoresFilesOutsideTheLayout(string name) => Assert.Null(StorageLayout.Classify(name));

    // What users keep next to their data, and the rest of a HyP3 product folder (file tables of the HyP3
    // InSAR product guides): skipped with a reason, never an exception that would abort a run.
    [Theory]
    [InlineData("m1/My Notes.txt", "' ' is not allowed")]
    [InlineData("m1/.DS_Store", "hidden file")]
    [InlineData("m1/pairs/.DS_Store", "hidden file")]
    [InlineData("m1/pairs/x_20210105_20210117.tif.aux.xml", "not a GeoTIFF")]
    [InlineData("m1/pairs/notes/x.tif/y.tif", "not a file of the input layout")]
    [InlineData("m1/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_amp.tif", "(_amp)")]
    [InlineData("m1/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_inc_map_ell.tif", "(_inc_map_ell)")]
    [InlineData("m1/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09_unw_phase.tif", "(_unw_phase)")]
    [InlineData("m1/pairs/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09/S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09.README.md.txt", "not a GeoTIFF")]
    [InlineData("m1/pairs/../../other/x.tif", "'..'")]
    [InlineData("m1/pairs/caf\u00e9_20210105_20210117.tif", "'\u00e9' is not allowed")]
    [InlineData("m1/slc/20210105.txt", "not a GeoTIFF")]
    [InlineData("m1/pairs/notes.txt", "not a GeoTIFF")]
    public void Inspect_SkipsUnknownFilesWithTheReason(string name, string reason)
    {
        var verdict = StorageLayout.Inspect(name);
        Assert.Null(verdict.Input);
        Assert.Contains(reason, verdict.SkipReason);
    }

    [Fact]
    public void Inspect_ThrowsOnlyForAnInvalidAssetFolder()
    {
        Assert.Throws<StorageNameException>(() => StorageLayout.Inspect("../x/asset.json"));
        Assert.Throws<StorageNameException>(() => StorageLayout.Inspect("Mine/asset.json"));
    }

    [Fact]
    public void AssetManifest_RoundTripsAndRejectsBadFields()
    {
        var m = new AssetManifest("Carajas N4", "iron", "BRA", -6.07, -50.17);
        Assert.Equal(m, AssetManifest.Parse(m.ToJson()));
        Assert.Throws<InvalidDataException>(() => AssetManifest.Parse("{\"name\":\"x\",\"commodity\":\"iron\",\"iso3\":\"br\",\"lat\":0,\"lon\":0}"));
        Assert.Throws<InvalidDataException>(() => AssetManifest.Parse("{\"name\":\"x\",\"commodity\":\"iron\",\"iso3\":\"BRA\",\"lat\":95,\"lon\":0}"));
        Assert.Throws<InvalidDataException>(() => AssetManifest.Parse("not json"));
    }
}
