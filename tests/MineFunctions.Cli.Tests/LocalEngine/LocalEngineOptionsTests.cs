using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.Tests.LocalEngine;

public sealed class LocalEngineOptionsTests
{
    [Theory]
    [InlineData(null, EngineKind.AzureStorage)]
    [InlineData("azure", EngineKind.AzureStorage)]
    [InlineData("memory", EngineKind.Memory)]
    public void EngineKind_ParsesTheEngineOption(string? text, EngineKind kind) => Assert.Equal(kind, EngineKinds.Parse(text));

    [Fact]
    public void EngineKind_RejectsUnknownNames() => Assert.Throws<ArgumentException>(() => EngineKinds.Parse("sql"));

    [Theory]
    [InlineData("ab")]
    [InlineData("1hub")]
    [InlineData("hub-name")]
    [InlineData("hub/../x")]
    public void TaskHubName_RejectsNamesAzureStorageWouldRefuse(string name) => Assert.Throws<ArgumentException>(() => TaskHubName.Validate(name));

    [Fact]
    public void Options_AzureStorageWithoutConnectionString_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new LocalEngineOptions { Kind = EngineKind.AzureStorage }.Validated());

    [Fact]
    public void Options_Defaults_RaiseTheCapsAboveTheProcessorCountAndPollEverySecond()
    {
        var o = new LocalEngineOptions { Kind = EngineKind.Memory }.Validated();
        Assert.True(o.MaxConcurrentActivities > Environment.ProcessorCount);
        Assert.Equal(TimeSpan.FromSeconds(1), o.MaxQueuePollingInterval);
        Assert.True(o.WorkItemVisibilityTimeout < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void ConnectionString_NamesDevAccountAndLoopbackEndpoints()
    {
        var cs = AzuriteProcess.BuildConnectionString(10001, 10002, 10003);
        Assert.Contains("AccountName=devstoreaccount1", cs);
        Assert.Contains("BlobEndpoint=http://127.0.0.1:10001/devstoreaccount1", cs);
        Assert.Contains("QueueEndpoint=http://127.0.0.1:10002/devstoreaccount1", cs);
        Assert.Contains("TableEndpoint=http://127.0.0.1:10003/devstoreaccount1", cs);
    }

    [Fact]
    public void ReadProgress_ReadsRunProgressFromCustomStatus_AndIgnoresOtherShapes()
    {
        var progress = new RunProgress("pairs", 1, 1, 2, 40, 72);
        var withProgress = new OrchestrationMetadata("RefreshOrchestrator", "r1")
        {
            SerializedCustomStatus = System.Text.Json.JsonSerializer.Serialize(progress),
        };
        var other = new OrchestrationMetadata("X", "r2") { SerializedCustomStatus = "\"just text\"" };

        var read = InstanceWatcher.ReadProgress(withProgress);

        Assert.NotNull(read);
        Assert.Equal("pairs", read.Stage);
        Assert.Equal(72, read.PairsTotal);
        Assert.Equal(1, read.AssetsFailed);
        Assert.Null(InstanceWatcher.ReadProgress(other));
        Assert.Equal("pairs: assets 1/2 (1 failed), pairs 40/72", InstanceFormatter.ProgressLine(read));
    }
}
