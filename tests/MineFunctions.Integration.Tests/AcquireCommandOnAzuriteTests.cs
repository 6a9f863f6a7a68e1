using System.Diagnostics;
using Azure.Storage.Blobs;
using MineFunctions.Testing.Acquisition;

namespace MineFunctions.Integration.Tests;

/// <summary>`mine acquire` as a separate process on Azurite, pointed at the local fake ASF search + HyP3 server.</summary>
public sealed class AcquireCommandOnAzuriteTests
{
    private const string Asset = "burst-mine";
    private const string Polygon = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-135.93,57.03],[-135.90,57.03],[-135.90,57.05],[-135.93,57.05],[-135.93,57.03]]]}}";

    private static async Task<(int Code, string Output)> AcquireAsync(FakeAsfHyp3Server server, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "mine.dll"));
        info.ArgumentList.Add("acquire");
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["MINEFUNCTIONS_STORAGE"] = TestStorage.ConnectionString;
        info.Environment["MINEFUNCTIONS_ASF_SEARCH_URL"] = server.ApiUrl.AbsoluteUri;
        info.Environment["MINEFUNCTIONS_HYP3_URL"] = server.ApiUrl.AbsoluteUri;
        info.Environment["MINEFUNCTIONS_EARTHDATA_TOKEN"] = server.Token;
        return await MineProcess.RunToEndAsync(Process.Start(info)!);
    }

    [SharedDataFact("data", "real", "asf-search", "SLC_BURST_stack.yml")]
    public async Task DryRun_ListsThePairsAndTheirCost_ThenTheRealRunOrdersAndStoresThem()
    {
        var ns = "acq" + Guid.NewGuid().ToString("N")[..10];
        await using var server = new FakeAsfHyp3Server { SearchFeatures = RecordedAsfSearch.Features("SLC_BURST_stack.yml"), PollsBeforeDone = 1 };
        var inputs = new BlobServiceClient(TestStorage.ConnectionString).GetBlobContainerClient($"{ns}-input");
        await inputs.CreateIfNotExistsAsync();
        await inputs.UploadBlobAsync($"{Asset}/polygon.geojson", BinaryData.FromString(Polygon));

        var (code, output) = await AcquireAsync(server, Asset, "--since", "2021-11-20", "--dry-run", "--engine", "memory", "--namespace", ns);
        Assert.True(code == 0, output);
        Assert.Contains("174_372326_IW3_20211115_20211127_VV", output);
        Assert.Contains("174_372326_IW3_20211209_20211221_VV", output);
        Assert.Contains("3 jobs (3 credits)", output);
        Assert.Contains("100 credits remain this month", output);
        Assert.Contains("Nothing was ordered", output);
        Assert.Empty(server.PostedJobs);
        Assert.DoesNotContain(server.Token, output);

        (code, output) = await AcquireAsync(server, Asset, "--since", "2021-11-20", "--poll-seconds", "0.2", "--timeout-hours", "0.02", "--engine", "memory", "--namespace", ns);
        Assert.True(code == 0, output);
        Assert.Equal(3, output.Split('\n').Count(l => l.Contains(" downloaded ")));
        Assert.Equal(3, server.PostedJobs.Count);
        Assert.True(await inputs.GetBlobClient($"{Asset}/pairs/174_372326_iw3_20211127_20211209_vv_corr.tif").ExistsAsync());
        Assert.DoesNotContain(server.Token, output);
        await inputs.DeleteIfExistsAsync();
    }
}
