using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Cli.Tests.LocalEngine;

/// <summary>The local engine fails an orchestration exactly where the Functions host would (custom status over 16 KB of UTF-16).</summary>
public sealed class HostLimitsTests
{
    /// <summary>Sets a custom status that serializes to a JSON string of <c>input + 2</c> characters (the quotes), then finishes.</summary>
    public sealed class StatusOrchestrator : TaskOrchestrator<int, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, int input)
        {
            context.SetCustomStatus(new string('a', input));
            return Task.FromResult("done");
        }
    }

    /// <summary>Runs <see cref="StatusOrchestrator"/> as a sub-orchestration and returns what its failure said.</summary>
    public sealed class ParentOrchestrator : TaskOrchestrator<int, string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, int input)
        {
            try
            {
                return await context.CallSubOrchestratorAsync<string>(nameof(StatusOrchestrator), input);
            }
            catch (TaskFailedException e)
            {
                return "child failed: " + e.FailureDetails.ErrorMessage;
            }
        }
    }

    private static void Register(DurableTaskRegistry r) => r.AddOrchestrator<StatusOrchestrator>().AddOrchestrator<ParentOrchestrator>();

    private static async Task<OrchestrationMetadata> RunAsync(LocalEngineHost engine, string name, int input)
    {
        var id = await engine.Client.ScheduleNewOrchestrationInstanceAsync(name, input);
        return await InstanceWatcher.WaitForCompletionAsync(engine.Client, id, TimeSpan.FromMilliseconds(50), cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
    }

    [Fact]
    public void TheLimitIs16KbOfUtf16_TwoBytesAChar()
    {
        // 8,192 characters = 16,384 bytes = 16.00 KB: allowed. One more is over.
        Assert.Null(HostLimits.CustomStatusViolation(new string('x', 8192)));
        Assert.Equal("CustomStatus is too large: limit = 16 KB (UTF-16), actual = 16.00 KB.", HostLimits.CustomStatusViolation(new string('x', 8193)));
        Assert.Equal("CustomStatus is too large: limit = 16 KB (UTF-16), actual = 16.50 KB.", HostLimits.CustomStatusViolation(new string('x', 8448)));
        Assert.Null(HostLimits.CustomStatusViolation(null));
    }

    [Fact]
    public async Task AStatusAtTheLimitCompletes_AndOneCharacterMoreFailsTheOrchestrationWithTheHostsError()
    {
        await using var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory }, Register);

        // 8,190 characters + 2 quotes = 8,192 characters of JSON.
        var atLimit = await RunAsync(engine, nameof(StatusOrchestrator), 8190);
        var over = await RunAsync(engine, nameof(StatusOrchestrator), 8191);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, atLimit.RuntimeStatus);
        Assert.Equal(8192, atLimit.SerializedCustomStatus!.Length);
        Assert.Equal(OrchestrationRuntimeStatus.Failed, over.RuntimeStatus);
        Assert.Equal("System.ArgumentException", over.FailureDetails!.ErrorType);
        Assert.Equal("CustomStatus is too large: limit = 16 KB (UTF-16), actual = 16.00 KB.", over.FailureDetails.ErrorMessage);
        Assert.Equal("System.ArgumentException: CustomStatus is too large: limit = 16 KB (UTF-16), actual = 16.00 KB.", RunClient.ToStatus(over).FailureReason);
        var details = new StringWriter();
        InstanceFormatter.WriteDetails(over, details);
        Assert.Contains("Failure:   System.ArgumentException: CustomStatus is too large", details.ToString());
    }

    [Fact]
    public async Task AParentSeesItsSubOrchestrationFailOnTheLimit()
    {
        await using var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory }, Register);

        var parent = await RunAsync(engine, nameof(ParentOrchestrator), 20_000);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, parent.RuntimeStatus);
        Assert.Equal("child failed: CustomStatus is too large: limit = 16 KB (UTF-16), actual = 39.07 KB.", parent.ReadOutputAs<string>());
    }
}
