using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.Workflow.Ui;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/ui?code=KEY</c>: the results page (one self-contained HTML file, docs/RESULTS-PAGE.md).
/// It calls the other routes with the key it was loaded with; its policy forbids loading anything
/// from elsewhere, so it works offline.
/// </summary>
public sealed class UiTrigger
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(UiTrigger))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "ui")] HttpRequest request)
    {
        foreach (var (name, value) in ResultsPage.Headers) request.HttpContext.Response.Headers[name] = value;
        return new FileContentResult(ResultsPage.Html.ToArray(), ResultsPage.ContentType);
    }
}
