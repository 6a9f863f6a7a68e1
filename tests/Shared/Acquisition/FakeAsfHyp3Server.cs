using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MineFunctions.Testing.Acquisition;

/// <summary>One job the fake HyP3 holds.</summary>
public sealed class FakeJob
{
    public required string JobId { get; init; }
    public required string Name { get; init; }
    public required string JobType { get; init; }
    public required JsonObject Parameters { get; init; }
    public required DateTimeOffset RequestTime { get; init; }
    public required double Cost { get; init; }

    /// <summary>1 for the first job of its name, 2 for the next...</summary>
    public required int Attempt { get; init; }

    /// <summary>When the product expires: fixed when the job is accepted (a later change of <see cref="FakeAsfHyp3Server.ProductLifetime"/> does not move it).</summary>
    public required DateTimeOffset Expires { get; init; }

    public int Polls { get; set; }
    public string Status { get; set; } = "PENDING";
    public string ProductName => $"S1_{JobId[..8]}_product";
}

/// <summary>
/// A local HTTP server speaking the documented subset of ASF's search API and of the HyP3 API
/// (openapi-spec.yml): <c>GET /services/search/param</c>, <c>GET /user</c>, <c>POST /jobs</c>
/// (every job checked against the job specs, <see cref="Hyp3JobSpecs"/>), <c>GET /jobs?name=</c>
/// with <c>next</c> paging, <c>GET /jobs/{id}</c>, and product zips from a second port (HyP3's
/// products live on another host than its API). Search answers replay recorded ASF features; job
/// objects are built on the recorded SUCCEEDED/FAILED jobs of hyp3-sdk's tests. Jobs advance one
/// status per poll; <see cref="Outcome"/> decides how each ends.
/// </summary>
public sealed class FakeAsfHyp3Server : IAsyncDisposable
{
    private readonly HttpListener _api = new();
    private readonly HttpListener _content = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private readonly object _gate = new();
    private readonly List<FakeJob> _jobs = [];
    private readonly JsonObject _succeededTemplate;
    private readonly JsonObject _failedTemplate;
    private readonly Hyp3JobSpecs _specs;

    public FakeAsfHyp3Server(string token = "test-earthdata-token")
    {
        Token = token;
        _specs = Hyp3JobSpecs.Load();
        var recorded = JsonNode.Parse(File.ReadAllText(SharedData.Real("hyp3", "jobs", "hyp3_sdk_test_jobs.json")))!.AsObject();
        _succeededTemplate = recorded["SUCCEEDED_JOB"]!.AsObject();
        _failedTemplate = recorded["FAILED_JOB"]!.AsObject();
        ApiUrl = Start(_api);
        ContentUrl = Start(_content);
        _loops = [Task.Run(() => LoopAsync(_api, HandleApiAsync)), Task.Run(() => LoopAsync(_content, HandleContentAsync))];
    }

    public string Token { get; }
    public Uri ApiUrl { get; }
    public Uri ContentUrl { get; }

    /// <summary>Features the search answers with (filtered by start date and processing level).</summary>
    public JsonArray SearchFeatures { get; set; } = [];

    public double RemainingCredits { get; set; } = 100;

    /// <summary>Polls answered PENDING/RUNNING before a job ends.</summary>
    public int PollsBeforeDone { get; set; } = 2;

    /// <summary>How a job ends: SUCCEEDED or FAILED (default: succeeds).</summary>
    public Func<FakeJob, string> Outcome { get; set; } = _ => "SUCCEEDED";

    /// <summary>Jobs per page of GET /jobs (small, so paging is exercised).</summary>
    public int PageSize { get; set; } = 2;

    /// <summary>Baseline written into each product's parameter file.</summary>
    public Func<FakeJob, double> ProductBaseline { get; set; } = _ => 37.2;

    /// <summary>How long products of jobs accepted from now on stay downloadable.</summary>
    public TimeSpan ProductLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Bytes of each product's _corr.tif.</summary>
    public Func<FakeJob, byte[]> CorrBytes { get; set; } = j => Encoding.ASCII.GetBytes("corr of " + j.JobId);

    public List<string> Requests { get; } = [];
    public List<JsonObject> PostedJobs { get; } = [];
    public List<string> Rejections { get; } = [];
    public List<string> SearchQueries { get; } = [];

    /// <summary>Requests to the product host that carried an Authorization header (must stay empty: the token is for the API only).</summary>
    public int ContentRequestsWithAuthorization;

    public IReadOnlyList<FakeJob> Jobs
    {
        get { lock (_gate) return _jobs.ToList(); }
    }

    private static Uri Start(HttpListener listener)
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            listener.Prefixes.Clear();
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return new Uri(prefix);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }
    }

    private async Task LoopAsync(HttpListener listener, Func<HttpListenerContext, Task> handle)
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested || !listener.IsListening)
            {
                return;
            }
            _ = Task.Run(async () =>
            {
                try
                {
                    await handle(context);
                }
                catch (Exception ex)
                {
                    await WriteAsync(context, 500, new JsonObject { ["detail"] = ex.Message });
                }
            });
        }
    }

    private async Task HandleApiAsync(HttpListenerContext c)
    {
        var path = c.Request.Url!.AbsolutePath.TrimEnd('/');
        lock (_gate) Requests.Add($"{c.Request.HttpMethod} {path}");
        if (path == "/services/search/param")
        {
            await SearchAsync(c);
            return;
        }
        if (c.Request.Headers["Authorization"] != $"Bearer {Token}")
        {
            await WriteAsync(c, 401, new JsonObject { ["detail"] = "No authorization token provided" });
            return;
        }
        switch (c.Request.HttpMethod, path)
        {
            case ("GET", "/user"):
                JsonObject user;
                lock (_gate)
                {
                    user = new JsonObject
                    {
                        ["user_id"] = "minefunctions-test",
                        ["application_status"] = "APPROVED",
                        ["credits_per_month"] = 10000,
                        ["remaining_credits"] = RemainingCredits,
                        ["job_names"] = new JsonArray(_jobs.Select(j => (JsonNode)j.Name).Distinct().ToArray()),
                    };
                }
                await WriteAsync(c, 200, user);
                return;
            case ("POST", "/jobs"):
                await SubmitAsync(c);
                return;
            case ("GET", "/jobs"):
                await ListAsync(c);
                return;
            case ("GET", _) when path.StartsWith("/jobs/", StringComparison.Ordinal):
                FakeJob? job;
                lock (_gate)
                {
                    job = _jobs.FirstOrDefault(j => j.JobId == path["/jobs/".Length..]);
                    if (job is not null) Advance(job);
                }
                if (job is null) await WriteAsync(c, 404, new JsonObject { ["detail"] = "job not found" });
                else await WriteAsync(c, 200, Render(job));
                return;
            default:
                await WriteAsync(c, 404, new JsonObject { ["detail"] = $"no route {c.Request.HttpMethod} {path}" });
                return;
        }
    }

    private async Task SearchAsync(HttpListenerContext c)
    {
        var q = c.Request.QueryString;
        lock (_gate) SearchQueries.Add(c.Request.Url!.Query);
        var problems = new List<string>();
        if (q["platform"] is not ("SENTINEL-1" or "S1")) problems.Add("platform");
        if (q["processingLevel"] is not ("BURST" or "SLC")) problems.Add("processingLevel");
        if (q["beamMode"] != "IW") problems.Add("beamMode");
        if (q["output"] != "geojson") problems.Add("output");
        if (q["intersectsWith"] is not { } wkt || !wkt.StartsWith("POLYGON((", StringComparison.Ordinal)) problems.Add("intersectsWith");
        if (!DateTimeOffset.TryParse(q["start"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start)) problems.Add("start");
        if (problems.Count > 0)
        {
            await WriteAsync(c, 400, new JsonObject { ["error"] = new JsonObject { ["report"] = "Invalid: " + string.Join(", ", problems) } });
            return;
        }
        var level = q["processingLevel"];
        var features = SearchFeatures.OfType<JsonObject>()
            .Where(f => f["properties"]?["processingLevel"]?.GetValue<string>() is not { } l || l == level)
            .Where(f => DateTimeOffset.Parse(f["properties"]!["startTime"]!.GetValue<string>(), CultureInfo.InvariantCulture) >= start)
            .Select(f => f.DeepClone())
            .ToArray();
        await WriteAsync(c, 200, new JsonObject { ["type"] = "FeatureCollection", ["features"] = new JsonArray(features) });
    }

    private async Task SubmitAsync(HttpListenerContext c)
    {
        var body = JsonNode.Parse(await new StreamReader(c.Request.InputStream).ReadToEndAsync()) as JsonObject;
        var errors = new List<string>();
        if (body?["jobs"] is not JsonArray list || list.Count is < 1 or > 200) errors.Add("jobs must be a list of 1-200 new jobs");
        else
        {
            foreach (var key in body.Select(p => p.Key).Where(k => k is not ("jobs" or "validate_only"))) errors.Add($"unknown field '{key}'");
            foreach (var job in list.OfType<JsonObject>()) errors.AddRange(_specs.Violations(job));
        }
        if (errors.Count > 0)
        {
            lock (_gate) Rejections.AddRange(errors);
            await WriteAsync(c, 400, new JsonObject { ["detail"] = string.Join("; ", errors) });
            return;
        }
        var accepted = new List<FakeJob>();
        lock (_gate)
        {
            var jobs = ((JsonArray)body!["jobs"]!).OfType<JsonObject>().ToList();
            var cost = jobs.Sum(CostOf);
            if (cost > RemainingCredits)
            {
                c.Response.StatusCode = 400;
                Rejections.Add($"not enough credits: {cost} > {RemainingCredits}");
            }
            else
            {
                RemainingCredits -= cost;
                foreach (var j in jobs)
                {
                    PostedJobs.Add(j);
                    var name = j["name"]!.GetValue<string>();
                    var job = new FakeJob
                    {
                        JobId = Guid.NewGuid().ToString(), Name = name, JobType = j["job_type"]!.GetValue<string>(),
                        Parameters = j["job_parameters"]!.DeepClone().AsObject(), RequestTime = DateTimeOffset.UtcNow, Cost = CostOf(j),
                        Attempt = _jobs.Count(x => x.Name == name) + 1, Expires = DateTimeOffset.UtcNow + ProductLifetime,
                    };
                    _jobs.Add(job);
                    accepted.Add(job);
                }
            }
        }
        if (accepted.Count == 0)
        {
            await WriteAsync(c, 400, new JsonObject { ["detail"] = "Not enough credits." });
            return;
        }
        await WriteAsync(c, 200, new JsonObject { ["jobs"] = new JsonArray(accepted.Select(j => (JsonNode)Render(j)).ToArray()) });
    }

    /// <summary>Credits per job as the specs' EDC profiles state them (single-burst 1; multi-burst 5x1 by burst count; GAMMA by looks).</summary>
    private static double CostOf(JsonObject job)
    {
        var p = job["job_parameters"]!;
        var looks = p["looks"]?.GetValue<string>() ?? "20x4";
        return job["job_type"]!.GetValue<string>() switch
        {
            "INSAR_GAMMA" => looks == "20x4" ? 10 : 15,
            "INSAR_ISCE_MULTI_BURST" when looks == "5x1" => ((JsonArray)p["reference"]!).Count switch { 1 => 1, var n => 5 * (n - 1) },
            _ => 1,
        };
    }

    private async Task ListAsync(HttpListenerContext c)
    {
        var name = c.Request.QueryString["name"];
        var start = int.TryParse(c.Request.QueryString["start_token"], out var s) ? s : 0;
        JsonObject page;
        lock (_gate)
        {
            var matching = _jobs.Where(j => name is null || j.Name == name).OrderByDescending(j => j.RequestTime).ToList();
            var slice = matching.Skip(start).Take(PageSize).ToList();
            foreach (var j in slice) Advance(j, poll: false);
            page = new JsonObject { ["jobs"] = new JsonArray(slice.Select(j => (JsonNode)Render(j)).ToArray()) };
            if (start + PageSize < matching.Count)
                page["next"] = new Uri(ApiUrl, $"jobs?name={Uri.EscapeDataString(name ?? "")}&start_token={start + PageSize}").AbsoluteUri;
        }
        await WriteAsync(c, 200, page);
    }

    private void Advance(FakeJob job, bool poll = true)
    {
        if (job.Status is "SUCCEEDED" or "FAILED" || !poll) return;
        job.Polls++;
        job.Status = job.Polls <= PollsBeforeDone ? (job.Polls == 1 ? "PENDING" : "RUNNING") : Outcome(job);
    }

    /// <summary>The job as HyP3 returns it: the recorded job of that outcome, with this job's fields.</summary>
    private JsonObject Render(FakeJob job)
    {
        var o = (job.Status == "FAILED" ? _failedTemplate : _succeededTemplate).DeepClone().AsObject();
        o["job_id"] = job.JobId;
        o["name"] = job.Name;
        o["job_type"] = job.JobType;
        o["job_parameters"] = job.Parameters.DeepClone();
        o["status_code"] = job.Status;
        o["request_time"] = job.RequestTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
        o["credit_cost"] = job.Cost;
        o["logs"] = new JsonArray((JsonNode)new Uri(ContentUrl, $"logs/{job.JobId}.log").AbsoluteUri);
        if (job.Status == "SUCCEEDED")
        {
            var zip = job.ProductName + ".zip";
            o["files"] = new JsonArray(new JsonObject { ["filename"] = zip, ["size"] = 1234, ["url"] = new Uri(ContentUrl, $"products/{job.JobId}/{zip}").AbsoluteUri });
            o["expiration_time"] = job.Expires.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);
            o["browse_images"] = new JsonArray();
            o["thumbnail_images"] = new JsonArray();
        }
        else
        {
            o.Remove("files");
            o.Remove("expiration_time");
            o.Remove("browse_images");
            o.Remove("thumbnail_images");
        }
        return o;
    }

    private async Task HandleContentAsync(HttpListenerContext c)
    {
        if (c.Request.Headers["Authorization"] is not null) Interlocked.Increment(ref ContentRequestsWithAuthorization);
        var parts = c.Request.Url!.AbsolutePath.Trim('/').Split('/');
        FakeJob? job;
        lock (_gate) job = parts is ["products", var id, _] ? _jobs.FirstOrDefault(j => j.JobId == id && j.Status == "SUCCEEDED") : null;
        if (job is null || job.Expires <= DateTimeOffset.UtcNow)
        {
            c.Response.StatusCode = 404;
            c.Response.Close();
            return;
        }
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var folder = job.ProductName;
            await using (var e = zip.CreateEntry($"{folder}/{folder}_corr.tif").Open()) await e.WriteAsync(CorrBytes(job));
            await using (var e = zip.CreateEntry($"{folder}/{folder}.txt").Open())
                await e.WriteAsync(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                    $"Reference Granule: {job.Parameters["granules"]?[0] ?? job.Parameters["reference"]?[0]}\nReference Pass Direction: DESCENDING\nBaseline: {ProductBaseline(job)}\nUTC time: 12360.691361\n")));
            await using (var e = zip.CreateEntry($"{folder}/{folder}.README.md.txt").Open()) await e.WriteAsync("ASF Sentinel-1 Burst InSAR Data Package (ISCE2)\n"u8.ToArray());
        }
        c.Response.ContentType = "application/zip";
        c.Response.ContentLength64 = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(c.Response.OutputStream);
        c.Response.Close();
    }

    private static async Task WriteAsync(HttpListenerContext c, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        c.Response.ContentLength64 = bytes.Length;
        await c.Response.OutputStream.WriteAsync(bytes);
        c.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _api.Stop();
        _content.Stop();
        try
        {
            await Task.WhenAll(_loops);
        }
        catch (Exception)
        {
        }
        CloseStopped(_api);
        CloseStopped(_content);
        _stop.Dispose();
    }

    /// <summary>
    /// Closes a stopped listener. On Linux the managed listener's Close removes its prefixes again, and for a port whose
    /// endpoint Stop already released it binds that port anew to do so: when another process has taken the port in
    /// between (CI runs test projects side by side), Close throws "Address already in use" with nothing left to release.
    /// </summary>
    private static void CloseStopped(HttpListener listener)
    {
        try
        {
            listener.Close();
        }
        catch (HttpListenerException)
        {
        }
    }
}
