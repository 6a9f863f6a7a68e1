using System.IO.Compression;
using System.Text.Json.Nodes;
using MineFunctions.Core.Acquisition;
using MineFunctions.Infrastructure.Acquisition;
using MineFunctions.Testing.Acquisition;

namespace MineFunctions.Infrastructure.Tests.Acquisition;

/// <summary>The HyP3 client against the local fake; request bodies checked against HyP3's published job specs.</summary>
public sealed class Hyp3ClientTests
{
    private const string Ref = "S1_136231_IW2_20200604T022312_VV_7C85-BURST";
    private const string Sec = "S1_136231_IW2_20200616T022313_VV_5D11-BURST";

    private static PlannedJob Burst(string name = "mf:a1:136_136231_IW2_20200604_20200616_VV", string looks = "5x1") =>
        new(name, Hyp3JobType.IsceBurst, looks, [Ref], [Sec], 1, new(2020, 6, 4), new(2020, 6, 16), "136_136231_IW2_20200604_20200616_VV", 20);

    [SharedDataFact("data", "real", "hyp3", "jobs", "insar_isce_burst_golden.json")]
    public void TheSpecValidator_AcceptsEveryRealGoldenRequest_AndNamesWhatABrokenOneBreaks()
    {
        var specs = Hyp3JobSpecs.Load();
        foreach (var file in new[] { "insar_isce_burst_golden.json", "insar_gamma_golden.json" })
        {
            var jobs = JsonNode.Parse(File.ReadAllText(SharedData.Real("hyp3", "jobs", file)))!.AsArray();
            Assert.NotEmpty(jobs);
            Assert.All(jobs, j => Assert.Empty(specs.Violations(j!.AsObject())));
        }
        var broken = new JsonObject
        {
            ["name"] = "x",
            ["job_type"] = Hyp3JobType.IsceBurst,
            ["job_parameters"] = new JsonObject { ["granules"] = new JsonArray(Ref, Sec, "S1_136231_IW2_20200628T022313_VV_5D11-BURST"), ["looks"] = "7x2" },
        };
        var errors = specs.Violations(broken);
        Assert.Contains(errors, e => e.Contains("maxItems 2"));
        Assert.Contains(errors, e => e.Contains("'7x2' not in enum"));
        broken["job_parameters"]!["granules"] = new JsonArray("S1A_IW_SLC__1SDV_20200604T022312_20200604T022339_032874_03CE2D_7C85", Sec);
        Assert.Contains(specs.Violations(broken), e => e.Contains("does not match"));
    }

    [SharedDataFact("data", "real", "hyp3", "jobs", "insar_isce_burst_golden.json")]
    public void OurBurstBodies_AreTheGoldenRequestsOfHyp3sOwnRegressionTests()
    {
        var golden = JsonNode.Parse(File.ReadAllText(SharedData.Real("hyp3", "jobs", "insar_isce_burst_golden.json")))!.AsArray();
        foreach (var g in golden.Where(g => g!["job_parameters"]!["apply_water_mask"]!.GetValue<bool>() == false))
        {
            var p = g!["job_parameters"]!;
            var job = Burst("golden-test", p["looks"]!.GetValue<string>()) with
            {
                Reference = [p["granules"]![0]!.GetValue<string>()],
                Secondary = [p["granules"]![1]!.GetValue<string>()],
            };
            Assert.True(JsonNode.DeepEquals(g, Hyp3Client.BodyOf(job)), $"{Hyp3Client.BodyOf(job).ToJsonString()} != {g.ToJsonString()}");
        }
    }

    [SharedDataFact("data", "real", "hyp3", "api", "INSAR_ISCE_MULTI_BURST.yml")]
    public void EveryJobTypeAndLooks_WeCanPlan_PassesTheSpec()
    {
        var specs = Hyp3JobSpecs.Load();
        foreach (var type in Hyp3JobType.All)
        {
            Assert.Equal(specs.Enum(type, "looks").Order(), Hyp3JobType.Looks(type).Order());
            foreach (var looks in Hyp3JobType.Looks(type))
            {
                var job = type switch
                {
                    Hyp3JobType.Gamma => Burst(looks: looks) with
                    {
                        JobType = type,
                        Reference = ["S1A_IW_SLC__1SSV_20150621T120220_20150621T120232_006471_008934_72D8"],
                        Secondary = ["S1A_IW_SLC__1SSV_20150504T120217_20150504T120229_005771_00769E_EF9A"],
                    },
                    Hyp3JobType.IsceMultiBurst => Burst(looks: looks) with
                    {
                        JobType = type,
                        Reference = [Ref, "S1_136232_IW2_20200604T022315_VV_7C85-BURST"],
                        Secondary = [Sec, "S1_136232_IW2_20200616T022316_VV_5D11-BURST"],
                    },
                    _ => Burst(looks: looks),
                };
                Assert.Empty(specs.Violations(Hyp3Client.BodyOf(job)));
            }
        }
    }

    [SharedDataFact("data", "real", "hyp3", "jobs", "hyp3_sdk_test_jobs.json")]
    public async Task AJob_IsSubmittedListedByNamePolledToSuccessAndDownloaded_WithTheTokenOnlyOnTheApi()
    {
        await using var server = new FakeAsfHyp3Server { RemainingCredits = 10, PollsBeforeDone = 2, PageSize = 2 };
        using var http = new HttpClient();
        var client = new Hyp3Client(http, server.ApiUrl, server.Token);

        var submitted = Assert.Single(await client.SubmitAsync([Burst()]));
        Assert.Equal(Hyp3Status.Pending, submitted.StatusCode);
        var user = await client.GetUserAsync();
        Assert.Equal(9, user.RemainingCredits);
        Assert.Contains(Burst().Name, user.JobNames);

        await client.SubmitAsync([Burst()]);
        await client.SubmitAsync([Burst()]);
        var listed = await client.ListJobsAsync(Burst().Name);
        Assert.Equal(3, listed.Count); // two pages of two
        Assert.Equal(submitted.JobId, listed[0].JobId);
        Assert.True(listed[0].RequestTime <= listed[2].RequestTime);

        Assert.Equal(Hyp3Status.Pending, (await client.GetJobAsync(submitted.JobId)).StatusCode);
        Assert.Equal(Hyp3Status.Running, (await client.GetJobAsync(submitted.JobId)).StatusCode);
        var done = await client.GetJobAsync(submitted.JobId);
        Assert.Equal(Hyp3Status.Succeeded, done.StatusCode);
        Assert.True(done.ExpirationTime > DateTimeOffset.UtcNow);
        var file = Assert.Single(done.Files!);

        using var zipBytes = new MemoryStream();
        await client.DownloadAsync(file.Url, zipBytes);
        using var zip = new ZipArchive(zipBytes);
        var contents = Hyp3Product.Inspect(zip);
        Assert.EndsWith("_corr.tif", contents.CorrEntry);
        Assert.Equal(37.2, contents.PerpendicularBaselineM);
        Assert.Equal(0, server.ContentRequestsWithAuthorization);
        Assert.Empty(server.Rejections);
    }

    [SharedDataFact("data", "real", "hyp3", "jobs", "hyp3_sdk_test_jobs.json")]
    public async Task ARefusedTokenOrBody_FailsWithTheReason_AndNeverEchoesTheToken()
    {
        await using var server = new FakeAsfHyp3Server();
        const string wrong = "eyJ0eXAiOiJKV1QiLCJ-wrong-token";
        var ex = await Assert.ThrowsAsync<Hyp3Exception>(() => new Hyp3Client(new HttpClient(), server.ApiUrl, wrong).GetUserAsync());
        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("Earthdata token was refused", ex.Message);
        Assert.DoesNotContain(wrong, ex.Message);

        var client = new Hyp3Client(new HttpClient(), server.ApiUrl, server.Token);
        var bad = await Assert.ThrowsAsync<Hyp3Exception>(() => client.SubmitAsync([Burst() with { Reference = ["not-a-burst"] }]));
        Assert.Equal(400, bad.StatusCode);
        Assert.Contains("does not match", bad.Message);
        Assert.Empty(server.Jobs);

        Assert.Contains("EarthdataToken", Assert.Throws<ArgumentException>(() => new Hyp3Client(new HttpClient(), server.ApiUrl, " ")).Message);
        await Assert.ThrowsAsync<ArgumentException>(() => client.GetJobAsync("../user"));
    }

    [SharedDataFact("data", "real", "hyp3", "jobs", "hyp3_sdk_test_jobs.json")]
    public async Task AnExpiredProduct_IsReportedAsGone()
    {
        await using var server = new FakeAsfHyp3Server { PollsBeforeDone = 0, ProductLifetime = TimeSpan.FromMilliseconds(1) };
        var client = new Hyp3Client(new HttpClient(), server.ApiUrl, server.Token);
        var job = (await client.SubmitAsync([Burst()]))[0];
        var done = await client.GetJobAsync(job.JobId);
        await Task.Delay(20);
        var ex = await Assert.ThrowsAsync<Hyp3Exception>(() => client.DownloadAsync(done.Files![0].Url, Stream.Null));
        Assert.Contains("expired", ex.Message);
    }
}
