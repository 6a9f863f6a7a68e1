using System.Reflection;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Options;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.App.Triggers;
using MineFunctions.Infrastructure.Resilience;

namespace MineFunctions.App.Tests;

public sealed class HostSettingsTests
{
    private static JsonElement HostJson() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Of("functions", "MineFunctions.App", "host.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;

    private static JsonElement DurableTask() => HostJson().GetProperty("extensions").GetProperty("durableTask");

    [Fact]
    public void TheTaskHubIsALiteralTheScaleControllerCanRead_AndTheOptionsDefault()
    {
        // The scale controller reads host.json's hubName as raw text (durable extension #2803).
        var hub = DurableTask().GetProperty("hubName").GetString()!;

        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", hub);
        Assert.Equal(new MineFunctionsOptions().TaskHub, hub);
    }

    [Fact]
    public void TheTimerScheduleIsTheRefreshScheduleSetting()
    {
        var timer = typeof(MonthlyRefreshTrigger).GetMethod(nameof(MonthlyRefreshTrigger.RunAsync))!
            .GetParameters().Select(p => p.GetCustomAttribute<TimerTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal($"%{MineFunctionsOptions.SectionName}:{nameof(MineFunctionsOptions.RefreshSchedule)}%", timer.Schedule);
        Assert.False(timer.RunOnStartup);
    }

    [Fact]
    public void TheBlobTriggerWatchesTheInputContainerSettingThroughEventGrid()
    {
        var blob = typeof(InputBlobTriggers).GetMethod(nameof(InputBlobTriggers.RunAsync))!
            .GetParameters().Select(p => p.GetCustomAttribute<BlobTriggerAttribute>()).Single(a => a is not null)!;

        Assert.Equal($"%{MineFunctionsOptions.SectionName}:{nameof(MineFunctionsOptions.InputContainer)}%/{{name}}", blob.BlobPath);
        Assert.Equal(BlobTriggerSource.EventGrid, blob.Source);
    }

    [Fact]
    public void ActivitySlotsLeaveRoomForTheRasterLimiterAndNonRasterWork() =>
        Assert.True(DurableTask().GetProperty("maxConcurrentActivityFunctions").GetInt32() > new RasterWorkOptions().MaxConcurrentRasterJobs);

    [Fact]
    public void ARasterJobWhoseRenewalFailedEndsBeforeItsWorkItemIsRedelivered()
    {
        // While an activity runs its message is renewed at most every 30 s, so the timeout only counts
        // from the last renewal once renewing stops (a failed renewal ends the renewal loop). The
        // job started before that renewal, so its copy starts more than one timeout after it started:
        // the job's own time limit must be shorter.
        var visibility = TimeSpan.Parse(DurableTask().GetProperty("storageProvider").GetProperty("workItemQueueVisibilityTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.True(new RasterWorkOptions().RasterJobTimeout < visibility);
        // And a crashed worker's activities run elsewhere within the provider's default of 5 minutes.
        Assert.True(visibility <= TimeSpan.FromMinutes(5));
    }
}
