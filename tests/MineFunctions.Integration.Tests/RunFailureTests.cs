using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.Commands;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Integration.Tests;

/// <summary>A failed run always says why: the run client (behind `mine run` and the HTTP status) and `mine status` show the reason.</summary>
public sealed class RunFailureTests
{
    [Fact]
    public async Task ARunWhoseInputContainerIsGone_FailsWithTheStorageReason_AndStatusShowsIt()
    {
        var names = RunNamespace.Of("f" + Guid.NewGuid().ToString("N")[..10]);
        var runId = "gone-" + names.TaskHub;
        await using (var runner = await LocalRunner.StartAsync(EngineKind.AzureStorage, names, TestStorage.ConnectionString, null, TextWriter.Null, CancellationToken.None))
        {
            // A run over every asset lists the input container first; delete it under the running host.
            await new BlobContainerClient(TestStorage.ConnectionString, names.InputContainer).DeleteAsync();

            var run = await runner.RunAsync(new RefreshRequest(runId, [], new PipelineSettings(), "test"), TextWriter.Null, CancellationToken.None);

            Assert.False(run.Completed);
            Assert.Equal(OrchestrationRuntimeStatus.Failed, run.Status.RuntimeStatus);
            Assert.Contains("ContainerNotFound", run.Status.FailureReason);
            Assert.Empty(run.Assets);
        }

        var status = new StringWriter();
        var code = await StatusCommand.ReportAsync(TestStorage.ConnectionString, names.TaskHub,
            new StatusCommand.StatusView(runId, Assets: true, TablePrefix: names.TablePrefix), status, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains("Status:    Failed", status.ToString());
        Assert.Matches(new System.Text.RegularExpressions.Regex("Failure:   .*ContainerNotFound", System.Text.RegularExpressions.RegexOptions.Singleline), status.ToString());
        Assert.Contains("(none filed in the Runs table)", status.ToString());
    }
}
