using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using MineFunctions.Cli.Demo;
using MineFunctions.Infrastructure.Storage.Tables;
using Xunit.Abstractions;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// Two `mine worker` processes on one Azurite work a run that `mine run --no-work` enqueued; one of
/// them is killed with SIGKILL while it holds activity work items; the other finishes the run. Every
/// downloaded file, product blob and result row then equals a single-process `mine run` of the same
/// inputs: nothing lost, nothing duplicated (docs/WORKERS.md).
/// </summary>
public sealed class MultipleWorkersTests(ITestOutputHelper log)
{
    [Fact]
    public async Task TwoWorkers_OneKilledMidRun_TheOtherFinishes_WithTheResultsOfASingleProcessRun()
    {
        var input = Directory.CreateTempSubdirectory("workers-input").FullName;
        var single = Directory.CreateTempSubdirectory("workers-single").FullName;
        var shared = Directory.CreateTempSubdirectory("workers-shared").FullName;
        await DemoSample.Create(2, 96).WriteFolderAsync(input, TextWriter.Null, CancellationToken.None);
        var singleNs = "s" + Guid.NewGuid().ToString("N")[..10];
        var sharedNs = "w" + Guid.NewGuid().ToString("N")[..10];

        var (singleCode, singleLog) = await MineProcess.RunAsync("run", "--input", input, "--out", single, "--namespace", singleNs);
        Assert.True(singleCode == 0, singleLog);

        // Short leases, so the survivor takes over within seconds: 10 s for the queue messages the
        // victim held, 15 s (the shortest blob lease) for its orchestration partitions.
        // The survivor takes one activity at a time: an idle worker polls the work-item queue at most once a second, and a
        // busy one at once, so with equal slots the survivor could take every message of a small run and leave the victim
        // nothing to be killed holding. With one slot it leaves the rest of each fan-out in the queue.
        string[] workerArgs = ["worker", "--namespace", sharedNs, "--lease-seconds", "10", "--partition-lease-seconds", "15"];
        using var victim = new WatchedProcess(MineProcess.Start([.. workerArgs, "--activities", "4"]));
        using var survivor = new WatchedProcess(MineProcess.Start([.. workerArgs, "--activities", "1"]));
        await victim.WaitForLineAsync(l => l.StartsWith("Worker ", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        await survivor.WaitForLineAsync(l => l.StartsWith("Worker ", StringComparison.Ordinal), TimeSpan.FromMinutes(2));

        // A stage a call (--asset-call-pixels 0): a small asset's one call can end between two of a worker's status lines,
        // and the victim must be seen holding work. The single-process run above takes the default, one call an asset.
        using var run = new WatchedProcess(MineProcess.Start("run", "--input", input, "--out", shared, "--namespace", sharedNs, "--no-work", "--lease-seconds", "10",
            "--asset-call-pixels", "0"));
        // Killed while its log says it holds raster activities (each line is printed while they run). Small rasters go
        // several pairs to an NDAI call (NdaiBatchPixels), so a worker may hold no per-pair call at all: any stage that
        // holds the asset's rasters will do.
        string[] rasterWork = ["NdaiActivity ", "NdaiBatchActivity ", "CoherenceActivity ", "StableStatisticsActivity ", "AnnualMeanActivity ", "AnnualMeanBatchActivity ", "AssetCallActivity "];
        var holding = await victim.WaitForLineAsync(l => rasterWork.Any(a => l.Contains(a, StringComparison.Ordinal)), TimeSpan.FromMinutes(4));
        victim.Process.Kill(entireProcessTree: true);
        await victim.Process.WaitForExitAsync();
        log.WriteLine($"killed worker {victim.Process.Id} at: {holding}");

        var runCode = await run.WaitForExitAsync(TimeSpan.FromMinutes(8));
        Assert.True(runCode == 0, $"run --no-work exited {runCode}:\n{run.Output}\n--- survivor:\n{survivor.Output}");
        Assert.Contains("Not working here (--no-work)", run.Output);

        // SIGTERM stops the survivor cleanly.
        using (var term = Process.Start("kill", ["-TERM", survivor.Process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
        Assert.Equal(0, await survivor.WaitForExitAsync(TimeSpan.FromMinutes(1)));
        Assert.Contains("Stopped.", survivor.Output);
        Assert.DoesNotContain("Stopped.", victim.Output);
        log.WriteLine(survivor.Output);

        // Downloaded files: the same set, byte for byte.
        var singleFiles = Files(single);
        Assert.NotEmpty(singleFiles);
        Assert.Equal(singleFiles, Files(shared));
        foreach (var file in singleFiles)
        {
            var expected = await File.ReadAllBytesAsync(Path.Combine(single, file));
            var actual = await File.ReadAllBytesAsync(Path.Combine(shared, file));
            Assert.True(expected.SequenceEqual(actual), $"{file} differs");
        }

        // Product blobs and result rows: the same names and contents, each exactly once.
        Assert.Equal(await BlobsAsync(singleNs), await BlobsAsync(sharedNs));
        var demo = DemoSample.Create(2, 96);
        foreach (var table in TableNames.All)
        {
            var expected = await RowsAsync(singleNs + table);
            Assert.NotEmpty(expected);
            Assert.Equal(expected, await RowsAsync(sharedNs + table));
        }
        // One pair row per input pair and one Runs row per asset: none lost, none added.
        Assert.Equal(demo.Pairs, (await RowsAsync(sharedNs + TableNames.PairResults)).Count);
        Assert.Equal(2, (await RowsAsync(sharedNs + TableNames.Runs)).Count);
    }

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal)];

    private static async Task<SortedDictionary<string, string>> BlobsAsync(string ns)
    {
        var blobs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var container = new BlobContainerClient(TestStorage.ConnectionString, ns + "-products");
        await foreach (var blob in container.GetBlobsAsync())
        {
            // The incremental refresh's checkpoint (state/) names the input ETags of this namespace's upload: not a product.
            // A run's pair list (runs/<run>_pairs.json) is for an asset's orchestration: the workers run a stage a call and
            // store it, the single run finishes each asset in one call and stores none (one request fewer an asset).
            if (blob.Name.Contains("/state/", StringComparison.Ordinal) || blob.Name.EndsWith("_pairs.json", StringComparison.Ordinal)) continue;
            var content = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
            blobs[blob.Name] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(content));
        }
        return blobs;
    }

    /// <summary>Every row as "partition/row: column=value;…" in key order, without the service's own Timestamp and ETag.</summary>
    private static async Task<List<string>> RowsAsync(string table)
    {
        var rows = new List<string>();
        await foreach (var e in new TableClient(TestStorage.ConnectionString, table).QueryAsync<TableEntity>())
        {
            var text = new StringBuilder($"{e.PartitionKey}/{e.RowKey}:");
            foreach (var (key, value) in e.Where(p => p.Key is not ("Timestamp" or "odata.etag" or "PartitionKey" or "RowKey")).OrderBy(p => p.Key, StringComparer.Ordinal))
                text.Append(CultureInfo.InvariantCulture, $" {key}={value};");
            rows.Add(text.ToString());
        }
        return rows;
    }

    /// <summary>A started `mine` whose output is collected as it comes, so a test can wait for a line.</summary>
    private sealed class WatchedProcess : IDisposable
    {
        private readonly StringBuilder _output = new();
        private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _waiters = [];

        public WatchedProcess(Process process)
        {
            Process = process;
            process.OutputDataReceived += (_, e) => OnLine(e.Data);
            process.ErrorDataReceived += (_, e) => OnLine(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Output
        {
            get
            {
                lock (_output) return _output.ToString();
            }
        }

        public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
        {
            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_output)
            {
                var earlier = _output.ToString().Split('\n').FirstOrDefault(match);
                if (earlier is not null) return earlier;
                _waiters.Add((match, seen));
            }
            var done = await Task.WhenAny(seen.Task, Task.Delay(timeout), Process.WaitForExitAsync());
            if (done != seen.Task) throw new TimeoutException($"no such line within {timeout} (exited: {Process.HasExited}):\n{Output}");
            return await seen.Task;
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            await Process.WaitForExitAsync(cts.Token);
            Process.WaitForExit(); // drains the asynchronous output readers
            return Process.ExitCode;
        }

        private void OnLine(string? line)
        {
            if (line is null) return;
            lock (_output)
            {
                _output.Append(line).Append('\n');
                foreach (var w in _waiters.Where(w => w.Match(line)).ToList())
                {
                    w.Seen.TrySetResult(line);
                    _waiters.Remove(w);
                }
            }
        }

        public void Dispose()
        {
            if (!Process.HasExited) Process.Kill(entireProcessTree: true);
            Process.Dispose();
        }
    }
}
