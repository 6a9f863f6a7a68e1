using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MineFunctions.Cli.Demo;
using MineFunctions.Cli.Running;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Infrastructure.Storage.Tables;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;
using Xunit.Abstractions;

namespace MineFunctions.Integration.Tests.Browser;

/// <summary>
/// The results page in headless Chromium against `mine serve` on loopback: a run started over HTTP on
/// tiny simulated mines (and one asset without inputs, which fails), watched live, then checked
/// against what the workflow wrote, read here straight from the tables. docs/RESULTS-PAGE.md.
/// </summary>
public sealed class ResultsPageBrowserTests(ITestOutputHelper log)
{
    private const int Size = 64;
    private const string MissingAsset = "no-such-mine";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan UiTimeout = TimeSpan.FromSeconds(60);

    [ChromiumFact]
    public async Task ThePageShowsTheRunLive_ItsAssetsMapsAndYearlyNumbersAsStored_AndFiltersTheFailedOnes()
    {
        var name = "ui" + Guid.NewGuid().ToString("N")[..10];
        var names = RunNamespace.Of(name);
        var sample = DemoSample.Create(3, Size);
        var inputs = new ProductBlobStore(new BlobServiceClient(TestStorage.ConnectionString), names.InputContainer);
        await inputs.EnsureContainerAsync();
        await sample.UploadAsync(inputs, TextWriter.Null, CancellationToken.None);
        var mines = sample.Mines.Select(m => m.Mine).ToList();
        var requested = mines.Select(m => m.AssetId).Append(MissingAsset).ToList();

        await using var serve = await ServeProcess.StartAsync(name, CancellationToken.None);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var start = await http.PostAsJsonAsync(serve.Url("/api/runs"), new { assets = requested });
        Assert.True(start.StatusCode == HttpStatusCode.Accepted, $"{start.StatusCode}: {await start.Content.ReadAsStringAsync()}\n{serve.Log}");
        var runId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        await using var browser = await HeadlessChromium.StartAsync(1400, 1000, CancellationToken.None);
        await browser.NavigateAsync(serve.Url($"/api/ui?run={Uri.EscapeDataString(runId)}"));

        // Live progress: the page polls the run until it finishes.
        await browser.WaitForAsync("document.getElementById('run-title').textContent === " + Js(runId), UiTimeout, "the run to open");
        var sawProgress = await browser.EvaluateAsync("!!document.getElementById('run-progress')");
        await browser.WaitForAsync("document.getElementById('run-panel').dataset.runtimeStatus === 'Completed'", RunTimeout, "the run to complete");
        log.WriteLine($"progress line shown while polling: {sawProgress}");
        // The run list (GET /api/runs) has the run, and its line follows the panel to Completed.
        await browser.WaitForAsync($"document.querySelector('#runs tr[data-run={Js(runId)}] .badge')?.textContent === 'Completed'", UiTimeout, "the run's line in the list");
        await browser.WaitForAsync("document.getElementById('assets').dataset.ready === 'true'", UiTimeout, "the asset table");

        // The asset table: one row per asset of the run, as the Runs table filed them.
        var tables = new ResultTableStore(new TableServiceClient(TestStorage.ConnectionString), names.TablePrefix);
        var filed = new List<RunRow>();
        await foreach (var row in tables.QueryRunAsync(runId)) filed.Add(row);
        Assert.Equal(requested.Order(StringComparer.Ordinal), filed.Select(r => r.AssetId));
        var shown = await RowsAsync(browser);
        Assert.Equal(filed.Select(r => (r.AssetId, r.Status, r.Pairs.ToString(CultureInfo.InvariantCulture), r.RejectedPairs.ToString(CultureInfo.InvariantCulture), r.Error ?? "")),
            shown.Select(r => (r[0], r[1], r[2], r[3], r[5])));
        var failed = Assert.Single(filed, r => r.Status == AssetOutcome.Failed);
        Assert.Equal(MissingAsset, failed.AssetId);
        Assert.False(string.IsNullOrEmpty(failed.Error));

        // The failed-assets filter lists exactly the failed ones; "all" brings the rest back.
        await SetAsync(browser, "asset-status", "failed");
        await browser.WaitForAsync("document.getElementById('assets').dataset.ready === 'true' && document.querySelectorAll('#assets tbody tr').length === 1", UiTimeout, "the failed filter");
        Assert.Equal([(MissingAsset, "failed")], (await RowsAsync(browser)).Select(r => (r[0], r[1])));
        await SetAsync(browser, "asset-status", "all");
        await browser.WaitForAsync($"document.querySelectorAll('#assets tbody tr').length === {requested.Count}", UiTimeout, "all assets again");

        // One asset: its maps, chart and table against the Emissions rows of the settings in force.
        var mine = mines[0];
        var key = SettingsFingerprint.Of(new PipelineSettings());
        await browser.EvaluateAsync($"document.querySelector('#assets tr[data-asset={Js(mine.AssetId)}]').click()");
        await browser.WaitForAsync($"document.getElementById('asset-panel').dataset.ready === 'true' && document.getElementById('asset-panel').dataset.asset === {Js(mine.AssetId)}", UiTimeout, "the asset panel");
        await browser.WaitForAsync("[...document.querySelectorAll('#maps img')].every(i => i.complete)", UiTimeout, "the map images");
        var images = await browser.EvaluateAsync("[...document.querySelectorAll('#maps img')].map(i => [i.dataset.layer, i.naturalWidth, i.naturalHeight])");
        Assert.Equal(["composite", "class-red", "class-green", "class-blue", "class-cyan", "class-magenta", "class-yellow", "class-white", "class-black"],
            images.EnumerateArray().Select(i => i[0].GetString()));
        Assert.All(images.EnumerateArray(), i => Assert.Equal((Size, Size), (i[1].GetInt32(), i[2].GetInt32())));
        // The demo's grid is UTM: each map sits in a georeferenced frame labelled with its EPSG code.
        Assert.Equal(9, (await browser.EvaluateAsync("document.querySelectorAll('#maps [data-frame=crs]').length")).GetInt32());
        Assert.StartsWith($"EPSG:{mine.UtmEpsg} ", (await browser.EvaluateAsync("document.getElementById('crs').textContent")).GetString(), StringComparison.Ordinal);

        var emissions = new List<EmissionsRow>();
        await foreach (var row in tables.QueryAssetAsync<EmissionsRow>(mine.AssetId, key)) emissions.Add(row);
        Assert.NotEmpty(emissions);
        var table = await browser.EvaluateAsync("[...document.querySelectorAll('#results tbody tr')].map(r => [r.dataset.year, ...[...r.cells].slice(1).map(c => c.dataset.value)])");
        Assert.Equal(
            emissions.Select(e => (e.Year, Values: string.Join(" ", new[] { e.MinedAreaM2, e.MinedAreaUncertaintyM2, e.ActivityTonnes, e.ActivityUncertaintyTonnes, e.Co2Tonnes, e.Uncertainty }.Select(Text)), e.Confidence ?? "")),
            table.EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString() ?? "").ToArray())
                .Select(c => (int.Parse(c[0], CultureInfo.InvariantCulture), Values: string.Join(" ", c[1..7].Select(Number).Select(Text)), c[7])));
        foreach (var (series, value, uncertainty) in new (string, Func<EmissionsRow, double?>, Func<EmissionsRow, double?>)[]
                 {
                     ("areaM2", e => e.MinedAreaM2, e => e.MinedAreaUncertaintyM2),
                     ("productionT", e => e.ActivityTonnes, e => e.ActivityUncertaintyTonnes),
                     ("emissionsTCo2", e => e.Co2Tonnes, e => e.Uncertainty),
                 })
        {
            var bars = await browser.EvaluateAsync($"[...document.querySelectorAll('svg[data-series={series}] rect[data-year]')].map(b => [b.dataset.year, b.dataset.value, b.dataset.uncertainty])");
            var expected = emissions.Where(e => value(e) is not null).Select(e => (e.Year, value(e)!.Value, uncertainty(e)));
            Assert.Equal(expected, bars.EnumerateArray().Select(b => (int.Parse(b[0].GetString()!, CultureInfo.InvariantCulture),
                Number(b[1].GetString())!.Value, Number(b[2].GetString()))));
        }

        // Pairs not used, as the PairResults table has them; downloads that really download.
        var rejected = 0;
        await foreach (var pair in tables.QueryAssetAsync<PairResultRow>(mine.AssetId, key)) if (!pair.Accepted) rejected++;
        Assert.Equal(rejected, (await browser.EvaluateAsync("document.querySelectorAll('#pairs tbody tr').length")).GetInt32());
        var links = (await browser.EvaluateAsync("[...document.querySelectorAll('#downloads a, #exports a')].map(a => a.href)")).EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Contains(links, l => l.Contains("/products/composite_", StringComparison.Ordinal) && l.Contains(".tif?", StringComparison.Ordinal));
        Assert.Contains(links, l => l.Contains("/exports/files/iron-mining_emissions-sources.csv?", StringComparison.Ordinal));
        foreach (var link in links.Where(l => l.Contains(".tif?", StringComparison.Ordinal) || l.Contains("_emissions-sources.csv?", StringComparison.Ordinal)))
        {
            var file = await http.GetAsync(link);
            Assert.True(file.IsSuccessStatusCode, $"{link}: {file.StatusCode}");
            var bytes = await file.Content.ReadAsByteArrayAsync();
            if (link.Contains(".tif?", StringComparison.Ordinal)) Assert.Equal("II*\0"u8.ToArray(), bytes[..4]);
            else Assert.StartsWith("source_id,", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }

        Assert.Empty(browser.PageErrors);
        var screenshot = await browser.ScreenshotAsync();
        var path = Path.Combine(TestResultsFolder(), "results-page.png");
        await File.WriteAllBytesAsync(path, screenshot);
        log.WriteLine($"screenshot: {path}");

        // 1,500 assets: the table shows a page at a time, pages on, and the text filter finds any one.
        await ManyAssetsAsync(browser, serve, tables);
        Assert.Empty(browser.PageErrors);
    }

    private static async Task ManyAssetsAsync(HeadlessChromium browser, ServeProcess serve, ResultTableStore tables)
    {
        const int count = 1500;
        var runId = "many-" + Guid.NewGuid().ToString("N")[..8];
        // Filed as the workflow's RunRow columns, 100 to a batch (one partition per run).
        var client = new TableServiceClient(TestStorage.ConnectionString).GetTableClient(tables.TableNameOf<RunRow>());
        foreach (var chunk in Enumerable.Range(0, count).Chunk(100))
        {
            await client.SubmitTransactionAsync(chunk.Select(i =>
            {
                var row = new RunRow(runId, $"mine-{i:D4}", "v1-0000000000000000", "test", i % 100 == 7 ? "failed" : "succeeded", 12, 1, i % 100 == 7 ? $"mine {i} has no polygon" : null);
                var entity = new TableEntity(row.PartitionKey, row.RowKey);
                foreach (var (column, value) in row.ToColumns()) if (value is not null) entity[column] = value;
                return new TableTransactionAction(TableTransactionActionType.Add, entity);
            }));
        }
        await browser.NavigateAsync(serve.Url($"/api/ui?run={runId}"));
        await browser.WaitForAsync("document.getElementById('assets').dataset.ready === 'true' && document.querySelectorAll('#assets tbody tr').length > 0", UiTimeout, "the first page of 1,500");
        Assert.Equal(50, (await browser.EvaluateAsync("document.querySelectorAll('#assets tbody tr').length")).GetInt32());
        Assert.Equal("mine-0000", (await browser.EvaluateAsync("document.querySelector('#assets tbody tr').dataset.asset")).GetString());
        await browser.EvaluateAsync("document.getElementById('next-page').click()");
        await browser.WaitForAsync("document.querySelector('#assets tbody tr').dataset.asset === 'mine-0050'", UiTimeout, "the second page");
        await SetAsync(browser, "asset-text", "mine-1499", "input");
        await browser.WaitForAsync("document.querySelectorAll('#assets tbody tr').length === 1 && document.querySelector('#assets tbody tr').dataset.asset === 'mine-1499'", UiTimeout, "the text filter");
        await SetAsync(browser, "asset-text", "", "input");
        await SetAsync(browser, "asset-status", "failed");
        await browser.WaitForAsync("document.getElementById('assets').dataset.ready === 'true' && document.querySelectorAll('#assets tbody tr').length === 15", UiTimeout, "15 failed of 1,500");
        // Nothing of the 1,500 is drawn at once: no images, one page of rows.
        Assert.Equal(0, (await browser.EvaluateAsync("document.querySelectorAll('img').length")).GetInt32());
    }

    /// <summary>The asset table's cells, row by row.</summary>
    private static async Task<List<string[]>> RowsAsync(HeadlessChromium browser) =>
        [.. (await browser.EvaluateAsync("[...document.querySelectorAll('#assets tbody tr')].map(r => [...r.cells].map(c => c.textContent))"))
            .EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray())];

    private static Task SetAsync(HeadlessChromium browser, string id, string value, string eventName = "change") =>
        browser.EvaluateAsync($"(() => {{ const e = document.getElementById({Js(id)}); e.value = {Js(value)}; e.dispatchEvent(new Event({Js(eventName)})); }})()");

    private static string Js(string text) => JsonSerializer.Serialize(text);

    /// <summary>A number as the page keeps it in data-value (JavaScript's shortest round-trip form); "" is null.</summary>
    private static double? Number(string? text) => string.IsNullOrEmpty(text) ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Text(double? value) => value is null ? "null" : value.Value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>TestResults/browser at the repository root (ignored by git), where the screenshot stays after the run.</summary>
    private static string TestResultsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MineFunctions.sln"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "browser");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
