using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using MineFunctions.App.Http;
using MineFunctions.App.Options;
using MineFunctions.App.Runs;
using MineFunctions.Workflow.Api;

namespace MineFunctions.App.Triggers;

/// <summary><c>POST /api/runs</c> with an optional body <c>{ "assets": [...] }</c>: <see cref="RunsApi.StartAsync"/>.</summary>
public sealed class StartRunTrigger(RunClients runs, IOptions<MineFunctionsOptions> options, IOptions<PipelineOptions> pipeline)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(StartRunTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = ApiRoutes.Runs)] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        AppApi.Result(await new RunsApi(AppApi.Settings(options, pipeline))
            .StartAsync(AppApi.Request(request), request.Body, request.ContentLength, runs.For(client), cancellationToken));
}
