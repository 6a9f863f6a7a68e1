using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;

namespace MineFunctions.Infrastructure.Tests.Storage;

/// <summary>
/// Addresses written out by hand from the documented layout (docs/ARCHITECTURE.md, "Storage
/// layout"): products and rows written by an earlier build must still be found, so none of these
/// strings may change. Hashes are the first 16 hex digits of SHA-256 of the UTF-8 text, computed
/// apart from the code (Python hashlib).
/// </summary>
public sealed class StorageAddressPinTests
{
    private const string Key = "v1-0123456789abcdef";
    private static readonly DateOnly Ref = new(2021, 1, 5), Sec = new(2021, 1, 17);

    [Fact]
    public void TheSettingsKeyIsTheVersionAndTheShortHashOfTheCanonicalSettings()
    {
        // sha256("{}") = 44136fa355b3678a…
        Assert.Equal("v1-44136fa355b3678a", StorageLayout.SettingsKey("v1", "{}"));
        Assert.Equal("44136fa355b3678a", StorageLayout.ShortHash("{}"));
    }

    [Fact]
    public void StackAnnualAndWindowProducts()
    {
        Assert.Equal("sishen/v1-0123456789abcdef/stable/mask.tif", StorageLayout.StableMask("sishen", Key));
        Assert.Equal("sishen/v1-0123456789abcdef/stable/mean.tif", StorageLayout.StableMean("sishen", Key));
        Assert.Equal("sishen/v1-0123456789abcdef/stable/std.tif", StorageLayout.StableStd("sishen", Key));
        Assert.Equal("sishen/v1-0123456789abcdef/annual/2021_pairs.tif", StorageLayout.AnnualCount("sishen", Key, 2021));
        Assert.Equal("sishen/v1-0123456789abcdef/annual/2021_disturbed.tif", StorageLayout.AnnualDisturbed("sishen", Key, 2021));
        Assert.Equal("sishen/v1-0123456789abcdef/counts/2020-2022.csv", StorageLayout.Counts("sishen", Key, 2020, 2022));
        Assert.Equal("sishen/v1-0123456789abcdef/png/class-magenta_2020-2022.png", StorageLayout.Png("sishen", Key, "class-magenta_2020-2022"));
        Assert.Equal("sishen/v1-0123456789abcdef/export/activity.csv", StorageLayout.Activity("sishen", Key));
        Assert.Equal("sishen/v1-0123456789abcdef/report/inputs.csv", StorageLayout.InputReport("sishen", Key));
        Assert.Equal("sishen/v1-0123456789abcdef/ndai/20210105_20210117.tif", StorageLayout.Ndai("sishen", Key, Ref, Sec));
    }

    [Fact]
    public void RunFiles_UseTheRunIdOrItsShortHashWhenItIsNoNameSegment()
    {
        Assert.Equal("sishen/v1-0123456789abcdef/runs/refresh-2026-11_pairs.json", StorageLayout.PairList("sishen", Key, "refresh-2026-11"));
        // ':' is not allowed in a name: sha256("refresh-2026-11:chunk:0001") = 37b310c6faa9b87f…
        Assert.Equal("sishen/v1-0123456789abcdef/runs/37b310c6faa9b87f_pairs.json", StorageLayout.PairList("sishen", Key, "refresh-2026-11:chunk:0001"));
        Assert.Equal("runs/refresh-2026-11/assets.json", StorageLayout.RunAssets("refresh-2026-11"));
        // sha256("run one") = cc071f76252f8e89…
        Assert.Equal("runs/cc071f76252f8e89/assets.json", StorageLayout.RunAssets("run one"));
    }

    [Fact]
    public void RunLevelExportsAndAcquisitionNames()
    {
        Assert.Equal("exports/v1-0123456789abcdef/", StorageLayout.ExportPrefix(Key));
        Assert.Equal("exports/v1-0123456789abcdef/iron-mining_emissions-sources.csv", StorageLayout.Export(Key, "iron-mining_emissions-sources.csv"));
        Assert.Equal("acquisition/sishen.json", StorageLayout.AcquisitionRecord("sishen"));
        Assert.Equal("sishen/pairs/s1aa_20210105t000000_20210117t000000_corr.tif", StorageLayout.AcquiredPair("sishen", "S1AA_20210105T000000_20210117T000000"));
        Assert.Equal("sishen/hyp3/s1aa_product.zip", StorageLayout.Hyp3Zip("sishen", "S1AA_product.zip"));
        Assert.Equal("sishen/", StorageLayout.InputPrefix("sishen"));
    }

    [Fact]
    public void RowKeys_AreTheSettingsKeyAndTheIdJoinedByAnUnderscore()
    {
        Assert.Equal("v1-0123456789abcdef_2021", new AnnualActivityRow("sishen", Key, 2021, 10, 1, 0.2, null, 12, 900, 10_800).RowKey);
        Assert.Equal("v1-0123456789abcdef_20210105_20210117", StorageLayout.RowKey(Key, StorageLayout.PairId(Ref, Sec)));
        Assert.Equal("v1-0123456789abcdef_2020-2022", StorageLayout.RowKey(Key, StorageLayout.WindowId(2020, 2022)));
        Assert.Equal("v1-0123456789abcdef_", StorageLayout.RowKeyPrefix(Key));
    }
}
