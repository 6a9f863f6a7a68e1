using System.Runtime.InteropServices;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Workflow.Api;

/// <summary>Body of <c>GET /api/health</c>: the host is up and libgdal loads; the versions in use.</summary>
/// <param name="Version">The host's assembly version.</param>
/// <param name="Runtime">The .NET runtime.</param>
/// <param name="Gdal">libgdal's release name.</param>
public sealed record HealthReport(string Version, string Runtime, string Gdal)
{
    /// <summary>200 with the versions; <paramref name="host"/> is the hosting assembly (the app or `mine`).</summary>
    public static ApiResponse Of(System.Reflection.Assembly host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return ApiResponse.Json(200, new HealthReport(
            host.GetName().Version?.ToString() ?? "0.0.0", RuntimeInformation.FrameworkDescription, GdalLibrary.VersionString()));
    }
}
