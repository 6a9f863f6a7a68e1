using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Ui;

namespace MineFunctions.App.Triggers;

/// <summary>The routes that read no storage: health and the results page. Function names as published before.</summary>
public sealed class PageTriggers
{
    /// <summary><c>GET /api/health</c>: the app is up and libgdal loads; reports the versions in use.</summary>
    [Function("HealthTrigger")]
    public IActionResult Health(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Health)] HttpRequest request) =>
        AppApi.Result(HealthReport.Of(typeof(PageTriggers).Assembly));

    /// <summary>
    /// <c>GET /api/ui?code=KEY</c>: the results page (<see cref="ResultsPage"/>, docs/RESULTS-PAGE.md). It
    /// calls the other routes with the key it was loaded with; its policy forbids loading anything from
    /// elsewhere, so it works offline.
    /// </summary>
    [Function("UiTrigger")]
    public IActionResult Ui(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Ui)] HttpRequest request) =>
        AppApi.Result(ResultsPage.Response());
}
