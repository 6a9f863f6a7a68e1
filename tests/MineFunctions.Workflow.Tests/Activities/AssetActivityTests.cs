using static MineFunctions.Workflow.Tests.ActivityTests.ActivityTestData;

namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>The asset- and run-level activities against an in-memory store.</summary>
public sealed class AssetActivityTests
{
    private const string Manifest = """{"name": "Mine A", "commodity": "iron", "iso3": "BRA", "lat": -20.1, "lon": -44.2}""";

    [Fact]
    public async Task ListAssets_GivesTheValidAssetFolders_InOrder()
    {
        var store = new InMemoryProductStore();
        store.PutInputText("mine-b/asset.json", Manifest);
        store.PutInputText("mine-a/asset.json", Manifest);
        store.PutInputText("Upper.Case/asset.json", Manifest); // a valid blob folder, not an asset id
        var list = await new ListAssetsActivity(store).RunAsync(null!, new AssetSelection("run-1", [], new PipelineSettings()));
        Assert.Equal(2, list.Count);
        Assert.Equal(["mine-a", "mine-b"], await StoredLists.ReadAsync<string>(store, list.Blob));
    }

    [Fact]
    public async Task Discover_SelectsThePairs_AndReportsWhatItLeftOut()
    {
        var store = new InMemoryProductStore();
        var scope = Scope();
        store.PutInputText($"{Asset}/asset.json", Manifest);
        store.PutInputText($"{Asset}/polygon.geojson", PolygonGeoJson(500_000, 4_999_980, 500_030, 5_000_000));
        store.PutInput($"{Asset}/pairs/20200101_20200113.tif", Float32(1, 1, 1, 1, 1, 1, 1, 1)); // 12 days: selected
        store.PutInput($"{Asset}/pairs/20200101_20200301.tif", Float32(1, 1, 1, 1, 1, 1, 1, 1)); // 60 days: not an allowed baseline
        store.PutInputText($"{Asset}/notes.txt", "field notes");

        var inventory = await new DiscoverAssetActivity(store).RunAsync(null!, scope);

        Assert.Equal((1, 1), (inventory.PairCount, inventory.ExcludedCount));
        Assert.Equal(inventory.FirstPage.Pairs, await StoredLists.ReadAsync<PairWork>(store, inventory.PairsBlob));
        var pair = Assert.Single(inventory.FirstPage.Pairs);
        Assert.Equal(("20200101_20200113", 2020, false, $"{Asset}/pairs/20200101_20200113.tif"), (pair.PairId, pair.Year, pair.FromSlc, pair.InputBlob));
        var row = Assert.Single(store.Rows<PairResultRow>());
        Assert.Equal((new DateOnly(2020, 1, 1), new DateOnly(2020, 3, 1), false), (row.ReferenceDate, row.SecondaryDate, row.Accepted));
        Assert.StartsWith("excluded: ", row.Reason);
        var report = store.ProductText(StorageLayout.InputReport(Asset, Key(scope)));
        Assert.Contains("notes.txt,skipped,", report);
    }

    [Fact]
    public async Task Discover_WithoutAPolygon_FailsTheAsset()
    {
        var store = new InMemoryProductStore();
        store.PutInputText($"{Asset}/asset.json", Manifest);
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => new DiscoverAssetActivity(store).RunAsync(null!, Scope()));
        Assert.Contains("no mine polygon", ex.Message);
    }

    [Fact]
    public async Task RunEstimate_PoolsTheReadableAssets_AndLeavesOutTheOthersWithTheirReason()
    {
        var store = new InMemoryProductStore();
        var settings = new PipelineSettings();
        var key = SettingsFingerprint.Of(settings);
        store.PutInputText("mine-a/asset.json", Manifest, new DateTimeOffset(2024, 3, 5, 10, 0, 0, TimeSpan.Zero));
        store.PutInputText("mine-a/production.csv", "asset_id,year,product,tonnes\nmine-a,2020,ore,1000000\n", new DateTimeOffset(2024, 4, 1, 18, 30, 0, TimeSpan.Zero));
        store.PutInputText("mine-b/asset.json", "{", new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await store.UpsertAsync(new AnnualActivityRow("mine-a", key, 2020, 5, 0, 0.3, null, 50, 100, 5_000));
        await store.UpsertAsync(new AnnualActivityRow("mine-a", key, 2021, 5, 0, 0.3, null, 100, 100, 10_000));

        var outcome = await new RunEstimateActivity(store).RunAsync(null!, new RunEstimateTask("run-1", 1, settings));

        Assert.Contains(outcome.FirstWarnings, w => w.StartsWith("mine-b: left out of the estimate: ", StringComparison.Ordinal) && w.Contains("not valid JSON"));
        var rows = store.Rows<EmissionsRow>().ToDictionary(r => r.Year);
        Assert.Equal(2, outcome.EmissionRows);
        Assert.Equal(["mine-a"], rows.Values.Select(r => r.AssetId).Distinct());
        Assert.Equal((5_000.0, 1_000_000.0), (rows[2020].MinedAreaM2!.Value, rows[2020].ActivityTonnes!.Value));
        Assert.Equal(10_000.0, rows[2021].MinedAreaM2);

        // t/m² of the reported year = 1 000 000 t / 5 000 m² = 200; 2021 = 10 000 m² × 200 = 2 000 000 t (METHOD.md §1.6).
        var activity = store.ProductText(StorageLayout.Activity("mine-a", key)).Split('\n');
        Assert.Equal("2020,50,5000,1000000,200,,high", activity[1]);
        Assert.Equal("2021,100,10000,,200,2000000,medium", activity[2]);
        // The export's date is the newest input read (mine-b's is not: it was left out).
        var sources = store.ProductText(StorageLayout.Export(key, "iron-mining_emissions-sources.csv"));
        Assert.Contains("2024-04-01 00:00:00", sources);
        Assert.DoesNotContain("2025-01-01", sources);
        // One sector's two Climate TRACE CSVs, estimate.json, left-out.csv and mine-a's activity.csv.
        Assert.Equal(5, outcome.ExportFiles);
        Assert.Contains("\"mine-b\"", store.ProductText(StorageLayout.Export(key, "estimate.json")));
        Assert.StartsWith("mine-b,", store.ProductText(StorageLayout.Export(key, "left-out.csv")).Split('\n')[1]);
    }

    [Fact]
    public async Task RunEstimate_LeavesOutAnAssetWhoseManifestIsOverItsBound_WithItsSize()
    {
        var store = new InMemoryProductStore();
        var settings = new PipelineSettings();
        var padded = Manifest.TrimEnd().TrimEnd('}') + ", \"note\": \"" + new string('x', (int)MineFunctions.Core.Inputs.InputLimits.MaxManifestBytes) + "\"}";
        store.PutInputText("mine-a/asset.json", padded);

        var outcome = await new RunEstimateActivity(store).RunAsync(null!, new RunEstimateTask("run-1", 1, settings));

        var size = System.Text.Encoding.UTF8.GetByteCount(padded);
        Assert.Contains(outcome.FirstWarnings, w => w.StartsWith("mine-a: left out of the estimate: ", StringComparison.Ordinal)
            && w.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{size:N0} bytes, more than the limit"), StringComparison.Ordinal));
        Assert.Empty(store.Rows<EmissionsRow>());
    }
}
