using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Infrastructure.Resilience;
using MineFunctions.Workflow.Activities;

namespace MineFunctions.App.Durable;

/// <summary>
/// Runs a workflow activity class for a Functions activity invocation: the class is built from DI
/// (its stores), raster activities go through the raster pipeline's concurrency limiter so the
/// number of rasters in memory stays bounded whatever the host's activity concurrency.
/// </summary>
public static class ActivityInvoker
{
    /// <summary>Runs <typeparamref name="TActivity"/> directly (no raster memory).</summary>
    public static Task<TOutput> RunAsync<TActivity, TInput, TOutput>(TInput input, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var activity = ActivatorUtilities.GetServiceOrCreateInstance<TActivity>(context.InstanceServices);
        return activity.RunAsync(FunctionActivityContext.From(context), input);
    }

    /// <summary>
    /// Runs <typeparamref name="TActivity"/> inside <see cref="RasterResiliencePipelines.RasterWork"/>:
    /// it waits for a raster slot (or is rejected when the queue is full, and Durable retries the
    /// activity). The pipeline's token (its RasterJobTimeout and the host's shutdown) reaches the
    /// activity through <see cref="ActivityCancellation"/>, which every storage call observes.
    /// </summary>
    public static async Task<TOutput> RunRasterAsync<TActivity, TInput, TOutput>(TInput input, FunctionContext context)
        where TActivity : TaskActivity<TInput, TOutput>
    {
        ArgumentNullException.ThrowIfNull(context);
        var pipelines = context.InstanceServices.GetRequiredService<RasterResiliencePipelines>();
        return await pipelines.RasterWork.ExecuteAsync(
            static async (state, token) =>
            {
                using var scope = ActivityCancellation.Use(token);
                return await RunAsync<TActivity, TInput, TOutput>(state.input, state.context);
            },
            (input, context),
            context.CancellationToken);
    }
}
