using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.Workflow.Api;

namespace MineFunctions.App.Triggers;

/// <summary>`GET /api/health`: the app is up and libgdal loads; reports the versions in use.</summary>
public sealed class HealthTrigger
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(HealthTrigger))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        AppApi.Result(HealthReport.Of(typeof(HealthTrigger).Assembly));
}
