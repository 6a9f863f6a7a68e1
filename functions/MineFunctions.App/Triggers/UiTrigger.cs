using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.Workflow.Api;
using MineFunctions.Workflow.Ui;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/ui?code=KEY</c>: the results page (<see cref="ResultsPage"/>, docs/RESULTS-PAGE.md). It
/// calls the other routes with the key it was loaded with; its policy forbids loading anything from
/// elsewhere, so it works offline.
/// </summary>
public sealed class UiTrigger
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(UiTrigger))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = ApiRoutes.Ui)] HttpRequest request) =>
        AppApi.Result(ResultsPage.Response());
}
