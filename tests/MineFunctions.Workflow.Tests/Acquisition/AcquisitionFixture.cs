using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Testing.Acquisition;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Tests.Acquisition;

/// <summary>Skips, with the reason, when no Azurite connection string is handed over or the shared data is absent.</summary>
public sealed class AcquisitionFactAttribute : FactAttribute
{
    public AcquisitionFactAttribute()
    {
        if (SharedData.Find("data", "real", "asf-search", "SLC_BURST_stack.yml") is null) Skip = SharedData.MissingReason("data", "real", "asf-search", "SLC_BURST_stack.yml");
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(AcquisitionFixture.StorageVariable)))
            Skip = $"{AcquisitionFixture.StorageVariable} is not set: run with `./build.sh test`, which starts Azurite and sets it.";
    }
}

/// <summary>
/// One acquisition test's world: real Azurite containers (unique names), the fake ASF + HyP3
/// server replaying the recorded burst stack 174_372326_IW3, an asset with a polygon over that
/// burst, and the real orchestrator and activities on the in-memory Durable engine.
/// </summary>
internal sealed class AcquisitionFixture : IAsyncDisposable
{
    public const string StorageVariable = "MINEFUNCTIONS_TEST_STORAGE";
    public const string Asset = "burst-mine";

    // A small polygon inside burst 174_372326_IW3 (centre 57.0428 N, 135.9174 W).
    private const string Polygon = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[-135.93,57.03],[-135.90,57.03],[-135.90,57.05],[-135.93,57.05],[-135.93,57.03]]]}}";

    private AcquisitionFixture(FakeAsfHyp3Server server, PipelineStorage storage)
    {
        Server = server;
        Storage = storage;
    }

    public FakeAsfHyp3Server Server { get; }
    public PipelineStorage Storage { get; }

    /// <summary>2021-11-20: the search reaches back to 2021-10-27 and finds 11-03, 11-15, 11-27, 12-09, 12-21; three pairs end after it.</summary>
    public static readonly DateOnly Since = new(2021, 11, 20);

    public static readonly string[] ExpectedKeys =
    [
        "174_372326_IW3_20211115_20211127_VV", "174_372326_IW3_20211127_20211209_VV", "174_372326_IW3_20211209_20211221_VV",
    ];

    public static AcquisitionSettings Settings(Func<AcquisitionSettings, AcquisitionSettings>? change = null)
    {
        var s = new AcquisitionSettings { PollInterval = TimeSpan.FromMilliseconds(200), Timeout = TimeSpan.FromSeconds(40), MaxResubmits = 2 };
        return change is null ? s : change(s);
    }

    public static async Task<AcquisitionFixture> StartAsync()
    {
        var server = new FakeAsfHyp3Server { SearchFeatures = RecordedAsfSearch.Features("SLC_BURST_stack.yml"), PollsBeforeDone = 2 };
        var id = Guid.NewGuid().ToString("N")[..12];
        var storage = await PipelineStorage.ConnectAsync(new WorkflowStorageOptions
        {
            ConnectionString = Environment.GetEnvironmentVariable(StorageVariable)!,
            InputContainer = $"acq-in-{id}",
            ProductsContainer = $"acq-out-{id}",
            TablePrefix = $"acq{id}",
        });
        await storage.Inputs.UploadAsync($"{Asset}/polygon.geojson", System.Text.Encoding.UTF8.GetBytes(Polygon), "application/geo+json");
        return new AcquisitionFixture(server, storage);
    }

    /// <summary>A Durable engine in this process with the acquisition orchestrator and its real activities.</summary>
    public Task<DurableTaskTestHost> StartEngineAsync(string? token = null)
    {
        var services = new AcquisitionServices(new HttpClient(), Server.ApiUrl, Server.ApiUrl, token ?? Server.Token);
        return TestEngine.StartAsync(
            r =>
            {
                r.AddOrchestrator<AcquireAssetOrchestrator>();
                r.AddActivity<PlanAcquisitionActivity>();
                r.AddActivity<Hyp3CreditsActivity>();
                r.AddActivity<SubmitJobActivity>();
                r.AddActivity<JobStatusActivity>();
                r.AddActivity<DownloadProductActivity>();
                r.AddActivity<RecordAcquisitionActivity>();
            },
            s => s.AddWorkflowStorage(Storage).AddSingleton(services));
    }

    public async Task<AcquireResult> RunAsync(AcquireRequest request, DurableTaskTestHost? host = null)
    {
        var own = host is null;
        host ??= await StartEngineAsync();
        try
        {
            var id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AcquireAssetOrchestrator), request);
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            var meta = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
            Assert.True(meta.RuntimeStatus == OrchestrationRuntimeStatus.Completed, meta.FailureDetails?.ToString());
            return meta.ReadOutputAs<AcquireResult>()!;
        }
        finally
        {
            if (own) await host.DisposeAsync();
        }
    }

    public static AcquireRequest Request(AcquisitionSettings? settings = null, bool dryRun = false) => new(Asset, Since, dryRun, settings ?? Settings());

    public async Task<byte[]?> PairBytesAsync(string key)
    {
        var blob = $"{Asset}/pairs/{key.ToLowerInvariant()}_corr.tif";
        return await Storage.Inputs.ExistsAsync(blob) ? await Storage.Inputs.DownloadBytesAsync(blob) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        var blobs = new Azure.Storage.Blobs.BlobServiceClient(Environment.GetEnvironmentVariable(StorageVariable));
        await blobs.DeleteBlobContainerAsync(Storage.Inputs.Container);
        await blobs.DeleteBlobContainerAsync(Storage.Products.Container);
    }
}
