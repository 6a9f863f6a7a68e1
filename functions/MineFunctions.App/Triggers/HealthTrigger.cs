using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.App.Triggers;

/// <summary>`GET /api/health`: the app is up and libgdal loads; reports the versions in use.</summary>
public sealed class HealthTrigger
{
    [Function(nameof(HealthTrigger))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "health")] HttpRequestData request)
    {
        var response = request.CreateResponse(HttpStatusCode.OK);
        await response.WriteAsJsonAsync(new HealthReport(
            typeof(HealthTrigger).Assembly.GetName().Version?.ToString() ?? "0.0.0",
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
            GdalLibrary.VersionString()));
        return response;
    }

    /// <summary>Body of the health response.</summary>
    public sealed record HealthReport(string Version, string Runtime, string Gdal);
}
