using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Cli.Tests.LocalEngine;

/// <summary>
/// The local engine fails an orchestration exactly where the Functions host would (custom status over
/// 16 KB of UTF-16), and wherever a payload passes the Azure Storage backend's 45 KB spill size (this
/// project's own limit: docs/RELIABILITY.md).
/// </summary>
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

    /// <summary>Calls <c>Echo</c> with a string of <c>input.In</c> characters that answers with one of <c>input.Out</c>; returns its length or why it failed.</summary>
    public sealed class PayloadOrchestrator : TaskOrchestrator<int[], string>
    {
        public override async Task<string> RunAsync(TaskOrchestrationContext context, int[] input)
        {
            try
            {
                return (await context.CallActivityAsync<string>("Echo", new EchoRequest(new string('i', input[0]), input[1]))).Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TaskFailedException e)
            {
                return "activity failed: " + e.FailureDetails.ErrorMessage;
            }
        }
    }

    public sealed record EchoRequest(string Text, int Answer);

    private static void Register(DurableTaskRegistry r) => r.AddOrchestrator<StatusOrchestrator>().AddOrchestrator<ParentOrchestrator>()
        .AddOrchestrator<PayloadOrchestrator>()
        .AddActivityFunc<EchoRequest, string>("Echo", (_, e) => new string('o', e.Answer));

    private static async Task<OrchestrationMetadata> RunAsync(LocalEngineHost engine, string name, object input)
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

    [Fact]
    public void ThePayloadLimitIsTheSpillSizeLessTheEnvelope_InBytesOfUtf8()
    {
        Assert.Equal((45 * 1024) - 1024, HostLimits.MaxPayloadBytes);
        Assert.Null(HostLimits.PayloadViolation(new string('x', 45_056), "x"));
        Assert.Null(HostLimits.PayloadViolation(null, "x"));
        Assert.Equal("Payload too large: the input of activity A is 45,057 bytes; the limit is 45,056 (the Azure Storage backend spills messages over 46,080 bytes to blobs; docs/RELIABILITY.md).",
            HostLimits.PayloadViolation(new string('x', 45_057), "the input of activity A"));
        // 'é' is two bytes of UTF-8: 22,529 of them are 45,058 bytes.
        Assert.NotNull(HostLimits.PayloadViolation(new string('é', 22_529), "x"));
        Assert.Null(HostLimits.PayloadViolation(new string('é', 22_528), "x"));
    }

    [Fact]
    public async Task AnActivityResultOverTheLimit_FailsTheActivity_AndOneAtTheLimitGoesThrough()
    {
        await using var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory }, Register);

        // A JSON string of n characters is n + 2 bytes with its quotes.
        var atLimit = await RunAsync(engine, nameof(PayloadOrchestrator), new[] { 10, 45_054 });
        var over = await RunAsync(engine, nameof(PayloadOrchestrator), new[] { 10, 45_055 });

        Assert.Equal("45054", atLimit.ReadOutputAs<string>());
        Assert.Equal("activity failed: Payload too large: the result of activity 0 of " + over.InstanceId + " is 45,057 bytes; the limit is 45,056 (the Azure Storage backend spills messages over 46,080 bytes to blobs; docs/RELIABILITY.md).",
            over.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AnActivityInputOverTheLimit_FailsTheOrchestration_AndAnOrchestrationInputOverItIsRefused()
    {
        await using var engine = await LocalEngineHost.StartAsync(new LocalEngineOptions { Kind = EngineKind.Memory }, Register);

        var run = await RunAsync(engine, nameof(PayloadOrchestrator), new[] { 46_000, 1 });
        Assert.Equal(OrchestrationRuntimeStatus.Failed, run.RuntimeStatus);
        Assert.StartsWith("Payload too large: the input of activity Echo is ", run.FailureDetails!.ErrorMessage, StringComparison.Ordinal);

        // The sidecar answers InvalidArgument; the client raises it as an ArgumentException.
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => engine.Client.ScheduleNewOrchestrationInstanceAsync(nameof(StatusOrchestrator), new string('x', 46_000)));
        Assert.StartsWith("Payload too large: the input of orchestration StatusOrchestrator is 46,002 bytes", refused.Message, StringComparison.Ordinal);
    }
}
