using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using MineFunctions.Cli.Demo;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// `mine serve` as a separate process on the test's Azurite, driven over real HTTP on loopback with
/// an OS-given port: the key, a run started and followed through the API, its outcomes paged, its
/// results and products, an upload the watcher turns into a reprocess, and a graceful SIGTERM.
/// </summary>
public sealed partial class ServeCommandTests
{
    private const string Key = "serve-test-key-0123456789";
    // Generous: CI runs every test project at once on two cores; alone the run takes about a minute.
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(12);

    [Fact]
    public async Task TheApiOverHttp_RunsAndReadsADemoAsset_AndTheWatcherReprocessesAnUpload_ThenSigtermStopsIt()
    {
        var ns = "s" + Guid.NewGuid().ToString("N")[..10];
        var inputs = ProductBlobStore.FromConnectionString(TestStorage.ConnectionString, $"{ns}-input");
        await inputs.EnsureContainerAsync();
        await DemoSample.Create(1, 64).UploadAsync(inputs, TextWriter.Null, CancellationToken.None);
        // A second asset that fails (no polygon), so the outcomes have two rows and a reason.
        await inputs.UploadAsync("broken-mine/asset.json", """{"name":"Broken","commodity":"iron","iso3":"BRA","lat":-20,"lon":-44}"""u8.ToArray());

        await using var serve = await ServeProcess.StartAsync("serve", "--port", "0", "--key", Key, "--namespace", ns, "--watch-seconds", "1", "--schedule", "off");
        using var http = new HttpClient { BaseAddress = new Uri(serve.Url + "/"), Timeout = TimeSpan.FromMinutes(1) };

        // The key, as the Functions host asks for it: none or a wrong one is 401, header or code= passes.
        using (var anonymous = await http.GetAsync("api/health"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }
        using (var wrong = await http.GetAsync("api/runs/run-all?code=not-the-key-at-all"))
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        using (var health = await SendAsync(http, HttpMethod.Get, "api/health"))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.StartsWith("GDAL ", (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("gdal").GetString());
        }
        using (var byQuery = await http.GetAsync($"api/runs/no-such-run?code={Key}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, byQuery.StatusCode);
            Assert.Equal("/api/runs/no-such-run", (await byQuery.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instance").GetString());
        }

        // Start a run of both assets and follow it to the end.
        using var start = await SendAsync(http, HttpMethod.Post, "api/runs", """{ "assets": ["demo-iron-a", "broken-mine"] }""");
        Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        var accepted = await start.Content.ReadFromJsonAsync<JsonElement>();
        var runId = accepted.GetProperty("id").GetString()!;
        Assert.Equal($"{serve.Url}/api/runs/{runId}", start.Headers.Location?.ToString());
        Assert.Equal(["broken-mine", "demo-iron-a"], accepted.GetProperty("assets").EnumerateArray().Select(a => a.GetString()));
        var status = await WaitForAsync(http, $"api/runs/{runId}", s => s.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated");
        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal("http", status.GetProperty("trigger").GetString());
        Assert.Equal(1, status.GetProperty("result").GetProperty("assetsFailed").GetInt32());

        // The outcomes one per page: two pages, in asset order, following next.
        var outcomes = new List<JsonElement>();
        var next = $"api/runs/{runId}/assets?pageSize=1";
        var pages = 0;
        while (next is not null)
        {
            using var page = await SendAsync(http, HttpMethod.Get, next);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.Content.ReadFromJsonAsync<JsonElement>();
            outcomes.AddRange(body.GetProperty("assets").EnumerateArray());
            next = body.GetProperty("next").ValueKind == JsonValueKind.Null ? null : body.GetProperty("next").GetString();
            pages++;
        }
        Assert.Equal(2, pages);
        Assert.Equal(["broken-mine", "demo-iron-a"], outcomes.Select(o => o.GetProperty("assetId").GetString()));
        Assert.Equal(["failed", "succeeded"], outcomes.Select(o => o.GetProperty("status").GetString()));
        Assert.Contains("polygon", outcomes[0].GetProperty("error").GetString(), StringComparison.Ordinal);

        // Results and products of the succeeded asset; the demo simulates 2020-2022.
        using (var results = await SendAsync(http, HttpMethod.Get, "api/assets/demo-iron-a/results"))
        {
            Assert.Equal(HttpStatusCode.OK, results.StatusCode);
            var years = (await results.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("years").EnumerateArray().ToList();
            Assert.NotEmpty(years);
            Assert.All(years, y => Assert.InRange(y.GetProperty("year").GetInt32(), 2020, 2022));
            Assert.All(years, y => Assert.True(y.GetProperty("areaM2").GetDouble() > 0));
        }
        using (var png = await SendAsync(http, HttpMethod.Get, "api/assets/demo-iron-a/composite.png"))
        {
            Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await png.Content.ReadAsByteArrayAsync())[..4]);
        }
        using (var csv = await SendAsync(http, HttpMethod.Get, "api/exports/iron-mining.csv"))
        {
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            Assert.Contains("demo-iron-a", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A changed input: the watcher hands it to the blob handler, which starts that asset's reprocess
        // under the id of its asset and this version (Blob storage's MD5 of the bytes).
        var manifest = Encoding.UTF8.GetBytes("""{"name":"Demo Iron A (renamed)","commodity":"iron","iso3":"BRA","lat":-19.788335,"lon":-43.182768}""");
        await new BlobClient(TestStorage.ConnectionString, $"{ns}-input", "demo-iron-a/asset.json").UploadAsync(new BinaryData(manifest), overwrite: true);
        var reprocess = InstanceIds.AssetReprocess("demo-iron-a", "md5:" + Convert.ToBase64String(MD5.HashData(manifest)));
        var started = await WaitForAsync(http, $"api/runs/{reprocess}", _ => true);
        Assert.Equal("blob", started.GetProperty("trigger").GetString());

        var (code, output) = await serve.StopAsync();
        Assert.True(code == 0, $"exit {code}:\n{output}");
        // Read from the whole output after stop: the watcher's line may reach stdout after the API shows the run.
        Assert.Contains($"watch: demo-iron-a/asset.json: run {reprocess} Started", output, StringComparison.Ordinal);
        Assert.Contains("Stopped.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAStorageSetting_ItStartsItsOwnAzurite_AndSigtermStopsThatToo()
    {
        var state = Directory.CreateTempSubdirectory("serve-state").FullName;
        try
        {
            await using var serve = await ServeProcess.StartAsync(
                MineProcess.StartWithoutStorage("serve", "--port", "0", "--key", Key, "--state", state, "--schedule", "off", "--watch-seconds", "0"));
            var azurite = int.Parse(AzuritePid().Match(serve.Output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            using (var http = new HttpClient { BaseAddress = new Uri(serve.Url + "/") })
            using (var health = await SendAsync(http, HttpMethod.Get, "api/health"))
                Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.True(AzuriteProcessTests.IsRunning(azurite), serve.Output);

            var (code, output) = await serve.StopAsync();

            Assert.True(code == 0, $"exit {code}:\n{output}");
            Assert.Contains("Stopping the engine and Azurite.", output, StringComparison.Ordinal);
            Assert.False(AzuriteProcessTests.IsRunning(azurite), $"Azurite (pid {azurite}) still runs after mine serve stopped:\n{output}");
        }
        finally
        {
            Directory.Delete(state, recursive: true);
        }
    }

    [GeneratedRegex(@"Started Azurite \(pid (\d+)\)")]
    private static partial Regex AzuritePid();

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("x-functions-key", Key);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        return http.SendAsync(request);
    }

    /// <summary>Polls a GET route until it answers 200 with a body <paramref name="done"/> accepts.</summary>
    private static async Task<JsonElement> WaitForAsync(HttpClient http, string path, Func<JsonElement, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await SendAsync(http, HttpMethod.Get, path))
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
                    if (done(body)) return body;
                }
                else
                {
                    Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                }
            }
            Assert.True(deadline.Elapsed < Patience, $"{path} did not get there within {Patience}.");
            await Task.Delay(500);
        }
    }

    /// <summary>A running `mine serve`: its URL from what it printed, everything it printed, and a SIGTERM stop.</summary>
    private sealed partial class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();
        private readonly TaskCompletionSource<string> _url = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private ServeProcess(Process process)
        {
            _process = process;
            DataReceivedEventHandler keep = (_, e) =>
            {
                if (e.Data is null) return;
                lock (_output) _output.AppendLine(e.Data);
                if (Listening().Match(e.Data) is { Success: true } m) _url.TrySetResult(m.Groups[1].Value);
            };
            process.OutputDataReceived += keep;
            process.ErrorDataReceived += keep;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Url { get; private set; } = "";

        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public static Task<ServeProcess> StartAsync(params string[] args) => StartAsync(MineProcess.Start(args));

        public static async Task<ServeProcess> StartAsync(Process process)
        {
            var serve = new ServeProcess(process);
            var exited = serve._process.WaitForExitAsync();
            var first = await Task.WhenAny(serve._url.Task, exited, Task.Delay(TimeSpan.FromMinutes(4)));
            if (first != serve._url.Task)
            {
                await serve.DisposeAsync();
                Assert.Fail($"mine serve did not print its URL:\n{serve.Output}");
            }
            serve.Url = await serve._url.Task;
            return serve;
        }

        /// <summary>SIGTERM to this process only, then its exit code and output.</summary>
        public async Task<(int Code, string Output)> StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await kill.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await _process.WaitForExitAsync(timeout.Token);
            return (_process.ExitCode, Output);
        }

        /// <summary>After a failed assertion: SIGTERM first, so an Azurite it started is stopped too; SIGKILL only if that hangs.</summary>
        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                try
                {
                    await StopAsync();
                }
                catch (OperationCanceledException)
                {
                    _process.Kill();
                    await _process.WaitForExitAsync();
                }
            }
            _process.Dispose();
        }

        [GeneratedRegex(@"^Listening on (http://127\.0\.0\.1:\d+)/api ")]
        private static partial Regex Listening();
    }
}
