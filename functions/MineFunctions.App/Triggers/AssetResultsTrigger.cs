using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.App.Results;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.App.Triggers;

/// <summary><c>GET /api/assets/{asset}/results</c>: per-year area, production, emissions, confidence and uncertainty, for the settings in force.</summary>
public sealed class AssetResultsTrigger(IRunResults results, CurrentSettings settings)
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(AssetResultsTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "assets/{asset}/results")] HttpRequest request,
        string asset,
        CancellationToken cancellationToken)
    {
        if (!AssetIds.IsValid(asset, out var reason)) return Problems.BadRequest(reason, request);
        var years = (await results.GetAssetYearsAsync(asset, settings.Key, cancellationToken))
            .Where(y => y.Emissions is not null)
            .Select(y => y.Emissions!)
            .Select(e => new AssetYearResult(e.Year, e.MinedAreaM2, e.ActivityTonnes, e.Co2Tonnes, e.Confidence, e.Uncertainty,
                e.MinedAreaUncertaintyM2, e.ActivityUncertaintyTonnes))
            .ToList();
        return years.Count == 0
            ? Problems.NotFound($"No results for asset '{asset}'.", request)
            : new OkObjectResult(new AssetResults(asset, years));
    }
}
