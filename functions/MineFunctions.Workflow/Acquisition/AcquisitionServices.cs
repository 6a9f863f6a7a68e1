using MineFunctions.Infrastructure.Acquisition;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// The two remote services the acquisition activities call, built once per host from the base
/// URLs and the Earthdata token (a secret: held here, never in the Durable history or a log).
/// Without a token ASF search still works (it needs none), and HyP3 calls fail with the setting's name.
/// </summary>
public sealed class AcquisitionServices
{
    private readonly Hyp3Client? _hyp3;

    public AcquisitionServices(HttpClient http, Uri asfSearchUrl, Uri hyp3Url, string? earthdataToken)
    {
        Search = new AsfSearchClient(http, asfSearchUrl);
        _hyp3 = string.IsNullOrWhiteSpace(earthdataToken) ? null : new Hyp3Client(http, hyp3Url, earthdataToken);
        Http = http;
    }

    public AsfSearchClient Search { get; }

    public HttpClient Http { get; }

    public bool HasHyp3 => _hyp3 is not null;

    public Hyp3Client Hyp3 => _hyp3 ?? throw new InvalidOperationException(
        "No Earthdata Login token is set (MineFunctions__Acquisition__EarthdataToken, or MINEFUNCTIONS_EARTHDATA_TOKEN for `mine`): HyP3 cannot be used. Create one at https://urs.earthdata.nasa.gov (Generate Token).");

    /// <summary>An HttpClient for both services: a generous timeout (product zips are hundreds of MB) and no cookies.</summary>
    public static HttpClient CreateHttpClient() =>
        new(new SocketsHttpHandler { UseCookies = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5), AutomaticDecompression = System.Net.DecompressionMethods.All })
        {
            Timeout = TimeSpan.FromMinutes(30),
        };
}
