using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MineFunctions.Workflow.Runs;
using MineFunctions.Workflow.Triggers;

namespace MineFunctions.Cli.Serving;

/// <summary>
/// The input-container watcher of `mine serve`, doing locally what the blob triggers do in the app:
/// it lists the container every interval and hands each new or changed blob to the same
/// <see cref="InputBlobHandler"/>, with the same version (content hash, else ETag), so one version
/// starts one reprocess of its asset, whoever reports it. The first scan only records what is there:
/// blobs present at start are not reprocessed, and changes made while `mine serve` was stopped are
/// not seen (start a run over HTTP for those).
/// </summary>
internal sealed class InputWatcher(BlobContainerClient container, InputBlobHandler handler, RunClient runs, TextWriter output)
{
    private readonly Dictionary<string, string> _seen = new(StringComparer.Ordinal);
    private bool _baselined;

    /// <summary>Blobs recorded by the last scan.</summary>
    public int Known => _seen.Count;

    /// <summary>One scan: the first records the container; later ones hand every new or changed blob to the handler. Returns those outcomes.</summary>
    public async Task<IReadOnlyList<InputBlobOutcome>> ScanAsync(CancellationToken cancellationToken)
    {
        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        if (await container.ExistsAsync(cancellationToken))
        {
            await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
                current[item.Name] = InputBlobHandler.BlobVersion(item.Properties.ContentHash, item.Properties.ETag ?? default);
        }

        var outcomes = new List<InputBlobOutcome>();
        if (_baselined)
        {
            foreach (var (name, version) in current.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                if (_seen.TryGetValue(name, out var known) && known == version) continue;
                var outcome = await handler.HandleAsync(runs, name, version, cancellationToken);
                output.WriteLine(outcome.Start is { } start
                    ? $"watch: {name}: run {start.InstanceId} {start.Status} ({start.Reason})"
                    : $"watch: {name}: {outcome.Decision.ToString().ToLowerInvariant()}, {outcome.Reason}");
                outcomes.Add(outcome);
            }
        }
        _seen.Clear();
        foreach (var (name, version) in current) _seen[name] = version;
        _baselined = true;
        return outcomes;
    }

    /// <summary>Scans every <paramref name="interval"/> until cancelled; a failed scan is reported and the next one tries again.</summary>
    public async Task RunAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var first = !_baselined;
                await ScanAsync(cancellationToken);
                if (first) output.WriteLine($"watch: {container.Name}, {Known} blob(s) already there, every {interval.TotalSeconds:0.#} s");
            }
            catch (RequestFailedException e)
            {
                output.WriteLine($"watch: listing {container.Name} failed ({e.Status} {e.ErrorCode}); trying again in {interval.TotalSeconds:0.#} s");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The engine refused a start: what changed is still unrecorded, so the next scan hands it over again.
                output.WriteLine($"watch: {e.GetType().Name}: {e.Message}; trying again in {interval.TotalSeconds:0.#} s");
            }
            await Task.Delay(interval, cancellationToken);
        }
    }
}
