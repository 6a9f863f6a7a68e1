using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Cli.Tests.LocalEngine;

/// <summary>`mine status RUN` names a run's failed assets with their reasons, as GET /api/runs/{id} does (failedAssets).</summary>
public sealed class FailedAssetsLinesTests
{
    private static RunStatus Status(int failed, params AssetOutcome[] shown) =>
        new("run-1", OrchestrationRuntimeStatus.Completed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "cli", null,
            new RefreshResult("run-1", failed + 1, 1, failed, 10, 2), null) { FailedAssets = shown };

    [Fact]
    public void EveryFailedAssetIsListed_WithItsReason()
    {
        var output = new StringWriter();

        InstanceFormatter.WriteFailedAssets(Status(2,
            new AssetOutcome("bad-production", AssetOutcome.Failed, 0, 0, "bad-production/production.csv:3: 'tonnes' must be a number"),
            new AssetOutcome("gold-mine", AssetOutcome.Failed, 0, 0, "gold-mine/asset.json:3: \"commodity\" is 'gold'")), output);

        Assert.Equal(
            "Failed assets:\n" +
            "  bad-production           failed     pairs 0, rejected 0  (bad-production/production.csv:3: 'tonnes' must be a number)\n" +
            "  gold-mine                failed     pairs 0, rejected 0  (gold-mine/asset.json:3: \"commodity\" is 'gold')\n",
            output.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void MoreFailedThanShown_SaysHowManyAndHowToListThem()
    {
        var output = new StringWriter();

        InstanceFormatter.WriteFailedAssets(Status(25, new AssetOutcome("a", AssetOutcome.Failed, 3, 3, "no usable pair")), output);

        Assert.StartsWith("Failed assets (the first 1 of 25; --assets --failed lists every one):", output.ToString());
        Assert.Contains("(no usable pair)", output.ToString());
    }

    [Fact]
    public void NoFailedAsset_WritesNothing()
    {
        var output = new StringWriter();
        InstanceFormatter.WriteFailedAssets(Status(0), output);
        Assert.Equal("", output.ToString());
    }
}
