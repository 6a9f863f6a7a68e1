namespace MineFunctions.Workflow.Api;

/// <summary>
/// The HTTP API's routes, under <see cref="Prefix"/>: the Functions triggers name them in their
/// attributes and `mine serve` maps the same strings, so the two hosts can't drift apart.
/// Every route needs a function key on both hosts (AuthorizationLevel.Function in the app).
/// </summary>
public static class ApiRoutes
{
    /// <summary>The Functions host's default route prefix; `mine serve` uses the same.</summary>
    public const string Prefix = "api";

    /// <summary>GET: versions of the app, .NET and libgdal.</summary>
    public const string Health = "health";

    /// <summary>POST: start a run. GET: runs with their status, paged.</summary>
    public const string Runs = "runs";

    /// <summary>GET: a run's status.</summary>
    public const string Run = "runs/{id}";

    /// <summary>GET: a run's per-asset outcomes, paged.</summary>
    public const string RunAssets = "runs/{id}/assets";

    /// <summary>GET: an asset's yearly results.</summary>
    public const string AssetResults = "assets/{asset}/results";

    /// <summary>GET: an asset's RGB composite PNG.</summary>
    public const string CompositePng = "assets/{asset}/composite.png";

    /// <summary>GET: a sector's Climate TRACE CSV.</summary>
    public const string SectorExport = "exports/{sector}.csv";

    /// <summary>GET: the results page (one self-contained HTML file).</summary>
    public const string Ui = "ui";

    /// <summary>GET: an asset's map windows, grid and downloadable products.</summary>
    public const string AssetProducts = "assets/{asset}/products";

    /// <summary>GET: one asset product by name (class-map and composite PNGs, COGs, CSVs).</summary>
    public const string AssetProduct = "assets/{asset}/products/{name}";

    /// <summary>GET: an asset's screened pairs, with the reasons of those not used.</summary>
    public const string AssetPairs = "assets/{asset}/pairs";

    /// <summary>GET: the run-level export files (Climate TRACE CSVs, estimate.json).</summary>
    public const string Exports = "exports";

    /// <summary>GET: one run-level export file by name.</summary>
    public const string ExportFile = "exports/files/{name}";
}
