using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MineFunctions.Core.Acquisition;

namespace MineFunctions.Infrastructure.Acquisition;

/// <summary>
/// The HyP3 API (openapi-spec.yml): <c>GET /user</c>, <c>POST /jobs</c>, <c>GET /jobs?name=</c>
/// (following <c>next</c>), <c>GET /jobs/{id}</c>, and product downloads. Authenticated with an
/// Earthdata Login bearer token, sent only to the HyP3 host itself (product URLs point elsewhere,
/// and they are public); the token never appears in a message or log.
/// </summary>
public sealed class Hyp3Client
{
    public const string DefaultBaseUrl = "https://hyp3-api.asf.alaska.edu/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly string _token;

    public Hyp3Client(HttpClient http, Uri baseUrl, string earthdataToken)
    {
        if (string.IsNullOrWhiteSpace(earthdataToken))
            throw new ArgumentException("HyP3 needs an Earthdata Login bearer token (setting MineFunctions__Acquisition__EarthdataToken); none is set.", nameof(earthdataToken));
        _http = http;
        _baseUrl = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        _token = earthdataToken.Trim();
    }

    public async Task<Hyp3User> GetUserAsync(CancellationToken cancellationToken = default) =>
        await SendAsync<Hyp3User>(HttpMethod.Get, "user", null, cancellationToken);

    public async Task<Hyp3Job> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
    {
        if (!Guid.TryParse(jobId, out _)) throw new ArgumentException($"HyP3 job id '{jobId}' is not a UUID.", nameof(jobId));
        return await SendAsync<Hyp3Job>(HttpMethod.Get, $"jobs/{jobId}", null, cancellationToken);
    }

    /// <summary>Every job of the user with exactly this name, oldest request first.</summary>
    public async Task<IReadOnlyList<Hyp3Job>> ListJobsAsync(string name, CancellationToken cancellationToken = default)
    {
        var jobs = new List<Hyp3Job>();
        string? next = $"jobs?name={Uri.EscapeDataString(name)}";
        while (next is not null)
        {
            var page = await SendAsync<JobsPage>(HttpMethod.Get, next, null, cancellationToken);
            jobs.AddRange(page.Jobs);
            next = page.Next;
        }
        return jobs.OrderBy(j => j.RequestTime).ToList();
    }

    /// <summary>Submits jobs in one request (the API takes 1 to 200) and returns them as accepted.</summary>
    public async Task<IReadOnlyList<Hyp3Job>> SubmitAsync(IReadOnlyList<PlannedJob> jobs, CancellationToken cancellationToken = default)
    {
        if (jobs.Count is < 1 or > 200) throw new ArgumentOutOfRangeException(nameof(jobs), jobs.Count, "POST /jobs takes 1 to 200 jobs.");
        var body = new JsonObject { ["jobs"] = new JsonArray(jobs.Select(j => (JsonNode)BodyOf(j)).ToArray()) };
        var page = await SendAsync<JobsPage>(HttpMethod.Post, "jobs", body, cancellationToken);
        return page.Jobs;
    }

    /// <summary>The new_job object of one planned job (job_parameters as the job type's spec names them).</summary>
    public static JsonObject BodyOf(PlannedJob job)
    {
        var parameters = job.JobType == Hyp3JobType.IsceMultiBurst
            ? new JsonObject
            {
                ["reference"] = new JsonArray(job.Reference.Select(g => (JsonNode)JsonValue.Create(g)).ToArray()),
                ["secondary"] = new JsonArray(job.Secondary.Select(g => (JsonNode)JsonValue.Create(g)).ToArray()),
            }
            : new JsonObject
            {
                ["granules"] = new JsonArray(JsonValue.Create(Single(job.Reference, job)), JsonValue.Create(Single(job.Secondary, job))),
            };
        parameters["looks"] = job.Looks;
        parameters["apply_water_mask"] = false;
        return new JsonObject { ["name"] = job.Name, ["job_type"] = job.JobType, ["job_parameters"] = parameters };
    }

    /// <summary>Downloads a product file (no token: product URLs are not the API's host).</summary>
    public async Task DownloadAsync(string url, Stream destination, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(_baseUrl, url);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (IsApiHost(uri)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Gone)
            throw new Hyp3Exception($"The product {Path.GetFileName(uri.AbsolutePath)} is gone ({(int)response.StatusCode}): it has probably expired.", (int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
            throw new Hyp3Exception($"Downloading {Path.GetFileName(uri.AbsolutePath)} failed: {(int)response.StatusCode} {response.ReasonPhrase}.", (int)response.StatusCode);
        await response.Content.CopyToAsync(destination, cancellationToken);
    }

    private static string Single(IReadOnlyList<string> granules, PlannedJob job) =>
        granules.Count == 1 ? granules[0] : throw new ArgumentException($"{job.JobType} takes one reference and one secondary granule; job {job.Name} has {job.Reference.Count} and {job.Secondary.Count}.");

    private bool IsApiHost(Uri uri) => Uri.Compare(uri, _baseUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private async Task<T> SendAsync<T>(HttpMethod method, string relative, JsonNode? body, CancellationToken cancellationToken)
    {
        var uri = new Uri(_baseUrl, relative);
        if (!IsApiHost(uri)) throw new Hyp3Exception($"HyP3 pointed to another host ({uri.Host}); refusing to send the token there.", null);
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var what = response.StatusCode == HttpStatusCode.Unauthorized
                ? "the Earthdata token was refused (expired or wrong? tokens last 60 days)"
                : Detail(text);
            throw new Hyp3Exception($"HyP3 {method} /{uri.AbsolutePath.TrimStart('/')} answered {(int)response.StatusCode}: {what}", (int)response.StatusCode);
        }
        return JsonSerializer.Deserialize<T>(text, Json) ?? throw new Hyp3Exception($"HyP3 {method} /{uri.AbsolutePath.TrimStart('/')} returned an empty body.", (int)response.StatusCode);
    }

    /// <summary>The "detail" of a problem+json answer, else the body's start.</summary>
    private static string Detail(string text)
    {
        try
        {
            if (JsonNode.Parse(text) is JsonObject o && o["detail"] is JsonNode d) return d.ToString();
        }
        catch (JsonException)
        {
        }
        return AsfSearchClient.Truncate(text);
    }

    private sealed record JobsPage(
        [property: System.Text.Json.Serialization.JsonPropertyName("jobs")] IReadOnlyList<Hyp3Job> Jobs,
        [property: System.Text.Json.Serialization.JsonPropertyName("next")] string? Next = null);
}
