using MineFunctions.Infrastructure.Gdal;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Acquisition;

namespace MineFunctions.Workflow.Tests.Acquisition;

/// <summary>
/// <see cref="AcquireAssetOrchestrator"/> on the in-memory Durable engine with durable timers,
/// real activities, Azurite, and the local fake ASF search + HyP3 server.
/// </summary>
public sealed class AcquireAssetOrchestratorTests
{
    [AcquisitionFact]
    public async Task JobsTakingSeveralPolls_AreOrderedOnceWaitedForAndDownloadedWherePipelineReadsThem()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        world.Server.PollsBeforeDone = 3;
        var result = await world.RunAsync(AcquisitionFixture.Request());

        Assert.Equal(AcquisitionFixture.ExpectedKeys, result.Pairs.Select(p => p.PairKey));
        Assert.All(result.Pairs, p => Assert.Equal((PairStatus.Downloaded, 1), (p.Status, p.Attempts)));
        Assert.Equal(3, world.Server.PostedJobs.Count);
        Assert.Empty(world.Server.Rejections);
        Assert.All(world.Server.Jobs, j => Assert.True(j.Polls >= 4, $"{j.Name} polled {j.Polls} times"));
        Assert.All(world.Server.PostedJobs, j => Assert.Equal("5x1", j["job_parameters"]!["looks"]!.GetValue<string>()));
        Assert.Equal(3, result.CreditsSpent);
        Assert.Equal(100, result.RemainingCreditsAtStart);
        Assert.Contains(result.Skipped, s => s.Subject == "174_372326_IW3_20211103_20211115_VV" && s.Reason.Contains("before 2021-11-20"));

        // Each product's _corr.tif is stored byte for byte, named so the pipeline finds it and reads its two dates.
        foreach (var job in world.Server.Jobs)
        {
            var key = job.Name["mf:burst-mine:".Length..];
            Assert.Equal(world.Server.CorrBytes(job), await world.PairBytesAsync(key));
        }
        var inputs = new List<InputBlob>();
        await foreach (var verdict in world.Storage.Inputs.ListAssetInputsAsync(AcquisitionFixture.Asset))
            if (verdict.Input is { } input) inputs.Add(input);
        var rasters = inputs.Where(i => i.Kind == InputBlobKind.PairRaster).Select(i => PairDateParser.FromFileName(i.FileName)!).OrderBy(d => d.Reference).ToList();
        Assert.Equal([(new DateOnly(2021, 11, 15), new DateOnly(2021, 11, 27)), (new DateOnly(2021, 11, 27), new DateOnly(2021, 12, 9)), (new DateOnly(2021, 12, 9), new DateOnly(2021, 12, 21))],
            rasters.Select(d => (d.Reference, d.Secondary)));
        Assert.True(await world.Storage.Products.ExistsAsync(StorageLayout.AcquisitionRecord(AcquisitionFixture.Asset)));

        // The next month's run finds the pairs stored and orders nothing.
        var again = await world.RunAsync(AcquisitionFixture.Request());
        Assert.Empty(again.Pairs);
        Assert.Equal(3, again.Skipped.Count(s => s.Reason.Contains("already processed")));
        Assert.Equal(3, world.Server.PostedJobs.Count);
    }

    [AcquisitionFact]
    public async Task AFailedJob_IsResubmitted_AndOneThatKeepsFailing_IsRecordedWithItsReason()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        // The first pair fails every time; the others fail once, then succeed.
        world.Server.Outcome = j => j.Name.EndsWith(AcquisitionFixture.ExpectedKeys[0], StringComparison.Ordinal) || j.Attempt == 1 ? "FAILED" : "SUCCEEDED";
        var result = await world.RunAsync(AcquisitionFixture.Request(AcquisitionFixture.Settings(s => s with { MaxResubmits = 1 })));

        var failed = result.Pairs[0];
        Assert.Equal((PairStatus.Failed, 2), (failed.Status, failed.Attempts));
        Assert.Contains("FAILED on attempt 2", failed.Reason);
        Assert.Contains("no resubmission left", failed.Reason);
        Assert.Contains("/logs/", failed.Reason);
        Assert.All(result.Pairs.Skip(1), p => Assert.Equal((PairStatus.Downloaded, 2), (p.Status, p.Attempts)));
        Assert.Equal(6, world.Server.PostedJobs.Count);
        Assert.Equal(2, world.Server.Jobs.Count(j => j.Name == failed.JobName));
        Assert.Null(await world.PairBytesAsync(failed.PairKey));
    }

    [AcquisitionFact]
    public async Task WhenCreditsRunOut_TheRestIsSkippedWithTheReason_AndNothingIsOrderedBeyondThem()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        world.Server.RemainingCredits = 2;
        var result = await world.RunAsync(AcquisitionFixture.Request());

        Assert.Equal([PairStatus.Downloaded, PairStatus.Downloaded, PairStatus.SkippedCredits], result.Pairs.Select(p => p.Status));
        Assert.Equal("needs 1 credits, 0 left of this run's budget", result.Pairs[2].Reason);
        Assert.Equal(2, world.Server.PostedJobs.Count);
        Assert.Empty(world.Server.Rejections);

        // A run budget below HyP3's balance binds as well.
        await using var second = await AcquisitionFixture.StartAsync();
        var budgeted = await second.RunAsync(AcquisitionFixture.Request(AcquisitionFixture.Settings(s => s with { CreditBudget = 1 })));
        Assert.Equal(1, budgeted.Pairs.Count(p => p.Status == PairStatus.Downloaded));
        Assert.Single(second.Server.PostedJobs);
    }

    [AcquisitionFact]
    public async Task ARestartMidWait_AdoptsTheJobsByName_AndOrdersNothingTwice()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        world.Server.PollsBeforeDone = 1_000_000;
        var host = await world.StartEngineAsync();
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AcquireAssetOrchestrator), AcquisitionFixture.Request());
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(world.Server.Jobs.Count == 3 && world.Server.Jobs.All(j => j.Polls >= 2)))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(60), "the jobs were not ordered and polled in time");
            await Task.Delay(100);
        }
        // The process dies mid-wait: the engine and its in-memory history are gone.
        await host.DisposeAsync();
        Assert.Equal(3, world.Server.PostedJobs.Count);

        world.Server.PollsBeforeDone = 0;
        var result = await world.RunAsync(AcquisitionFixture.Request());
        Assert.All(result.Pairs, p => Assert.Equal(PairStatus.Downloaded, p.Status));
        Assert.Equal(3, world.Server.PostedJobs.Count);
        Assert.Equal(0, result.CreditsSpent);
        Assert.Equal(world.Server.Jobs.Select(j => j.JobId).Order(), result.Pairs.Select(p => p.JobId!).Order());
    }

    [AcquisitionFact]
    public async Task APairOverTheBaselineLimitByHyP3sOwnNumber_IsNotStored()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        world.Server.ProductBaseline = j => j.Name.EndsWith(AcquisitionFixture.ExpectedKeys[1], StringComparison.Ordinal) ? -263.4 : 40;
        var result = await world.RunAsync(AcquisitionFixture.Request());
        Assert.Equal([PairStatus.Downloaded, PairStatus.RejectedBaseline, PairStatus.Downloaded], result.Pairs.Select(p => p.Status));
        Assert.Contains("Bperp -263.4 m exceeds 250 m", result.Pairs[1].Reason);
        Assert.Null(await world.PairBytesAsync(AcquisitionFixture.ExpectedKeys[1]));
    }

    [AcquisitionFact]
    public async Task AProductThatExpiredBeforeItsDownload_IsRecordedAsExpired_AndOrderedAgainNextTime()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        world.Server.ProductLifetime = TimeSpan.FromMilliseconds(1);
        var result = await world.RunAsync(AcquisitionFixture.Request());
        Assert.All(result.Pairs, p => Assert.Equal(PairStatus.Expired, p.Status));
        Assert.All(result.Pairs, p => Assert.Contains("expired", p.Reason));

        world.Server.ProductLifetime = TimeSpan.FromDays(14);
        var again = await world.RunAsync(AcquisitionFixture.Request());
        Assert.All(again.Pairs, p => Assert.Equal(PairStatus.Downloaded, p.Status));
        Assert.Equal(6, world.Server.PostedJobs.Count);
    }

    [AcquisitionFact]
    public async Task JobsStillRunningAtTheTimeout_AreRecordedAsTimedOut_ForTheNextRunToAdopt()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        world.Server.PollsBeforeDone = 1_000_000;
        var result = await world.RunAsync(AcquisitionFixture.Request(AcquisitionFixture.Settings(s => s with { Timeout = TimeSpan.FromSeconds(2) })));
        Assert.All(result.Pairs, p => Assert.Equal(PairStatus.TimedOut, p.Status));
        Assert.All(result.Pairs, p => Assert.Contains("adopts job", p.Reason));
    }

    [AcquisitionFact]
    public async Task ADryRun_PlansAndPricesThePairs_AndOrdersNothing()
    {
        await using var world = await AcquisitionFixture.StartAsync();
        var result = await world.RunAsync(AcquisitionFixture.Request(dryRun: true));
        Assert.True(result.DryRun);
        Assert.Equal(AcquisitionFixture.ExpectedKeys, result.Pairs.Select(p => p.PairKey));
        Assert.All(result.Pairs, p => Assert.Equal((PairStatus.Planned, 1.0), (p.Status, p.Cost)));
        Assert.Equal(3, result.PlannedCost);
        Assert.Empty(world.Server.PostedJobs);
        Assert.DoesNotContain(world.Server.Requests, r => r.Contains("/user") || r.Contains("/jobs"));
        var search = System.Web.HttpUtility.ParseQueryString(Assert.Single(world.Server.SearchQueries));
        Assert.Equal("2021-10-27T00:00:00Z", search["start"]); // since − 24 d
        Assert.Equal("POLYGON((-135.93 57.03,-135.9 57.03,-135.9 57.05,-135.93 57.05,-135.93 57.03))", search["intersectsWith"]);
    }
}
