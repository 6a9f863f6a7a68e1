using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.App.Durable;
using MineFunctions.Infrastructure.Resilience;
using Moq;
using Polly.RateLimiting;

namespace MineFunctions.App.Tests;

public sealed class ActivityInvokerTests
{
    /// <summary>Echoes what the wrapper handed it.</summary>
    public sealed class ProbeActivity : TaskActivity<string, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, string input) =>
            Task.FromResult($"{context.Name.Name}|{context.InstanceId}|{input}");
    }

    /// <summary>Holds its raster slot until released.</summary>
    public sealed class BlockingActivity(TaskCompletionSource gate) : TaskActivity<string, string>
    {
        public override async Task<string> RunAsync(TaskActivityContext context, string input)
        {
            await gate.Task;
            return input;
        }
    }

    /// <summary>Waits on a storage-like call that observes the activity's ambient token, as the real activities do.</summary>
    public sealed class SlowIoActivity : TaskActivity<string, string>
    {
        public override async Task<string> RunAsync(TaskActivityContext context, string input)
        {
            await Task.Delay(Timeout.Infinite, MineFunctions.Workflow.Activities.ActivityCancellation.Token);
            return input;
        }
    }

    private static FunctionContext Context(string functionName, IServiceProvider services, string? instanceId = "run-1:sishen")
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns(functionName);
        var binding = new Mock<BindingContext>();
        var data = new Dictionary<string, object?>();
        if (instanceId is not null) data["instanceId"] = instanceId;
        binding.SetupGet(b => b.BindingData).Returns(data);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.BindingContext).Returns(binding.Object);
        context.SetupGet(c => c.InstanceServices).Returns(services);
        context.SetupGet(c => c.CancellationToken).Returns(CancellationToken.None);
        return context.Object;
    }

    [Fact]
    public async Task AnActivityClassGetsTheFunctionNameAndOrchestrationInstanceIdAsItsContext()
    {
        var services = new ServiceCollection().BuildServiceProvider();

        var output = await ActivityInvoker.RunAsync<ProbeActivity, string, string>("pair-7", Context(nameof(ProbeActivity), services));

        Assert.Equal("ProbeActivity|run-1:sishen|pair-7", output);
    }

    [Fact]
    public async Task WithoutAnInstanceIdInTheBindingDataTheContextsIdIsEmpty()
    {
        var output = await ActivityInvoker.RunAsync<ProbeActivity, string, string>("x", Context("P", new ServiceCollection().BuildServiceProvider(), null));

        Assert.Equal("P||x", output);
    }

    [Fact]
    public async Task RasterActivitiesShareTheRasterSlotsSoAFullQueueRejectsTheNextOne()
    {
        var gate = new TaskCompletionSource();
        var services = new ServiceCollection()
            .AddSingleton(new RasterResiliencePipelines(new RasterWorkOptions { MaxConcurrentRasterJobs = 1, MaxQueuedRasterJobs = 0 }))
            .AddSingleton(gate)
            .BuildServiceProvider();
        var context = Context(nameof(BlockingActivity), services);

        var first = ActivityInvoker.RunRasterAsync<BlockingActivity, string, string>("a", context);
        await Assert.ThrowsAsync<RateLimiterRejectedException>(() => ActivityInvoker.RunRasterAsync<ProbeActivity, string, string>("b", context));
        gate.SetResult();

        Assert.Equal("a", await first);
        Assert.EndsWith("|c", await ActivityInvoker.RunRasterAsync<ProbeActivity, string, string>("c", context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRasterJobTimeout_ReachesTheActivitysStorageCalls_AndStopsIt()
    {
        var services = new ServiceCollection()
            .AddSingleton(new RasterResiliencePipelines(new RasterWorkOptions { RasterJobTimeout = TimeSpan.FromMilliseconds(100) }))
            .BuildServiceProvider();

        var run = ActivityInvoker.RunRasterAsync<SlowIoActivity, string, string>("a", Context(nameof(SlowIoActivity), services));

        await Assert.ThrowsAsync<Polly.Timeout.TimeoutRejectedException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(CancellationToken.None, MineFunctions.Workflow.Activities.ActivityCancellation.Token);
    }
}
