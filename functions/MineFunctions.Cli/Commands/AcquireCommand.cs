using System.Globalization;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Core.Acquisition;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Acquisition;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine acquire ASSET|--all`: the monthly acquisition on the local engine, for assets already in
/// the local input container: ASF search, pairs, HyP3 jobs ordered and waited for, coherence
/// rasters downloaded into &lt;asset&gt;/pairs/. `--dry-run` lists the pairs and their credit cost
/// and orders nothing. The Earthdata token comes from MINEFUNCTIONS_EARTHDATA_TOKEN, never from
/// the command line (it would land in the shell history).
/// </summary>
internal sealed class AcquireCommand : ICliCommand
{
    public const string TokenVariable = "MINEFUNCTIONS_EARTHDATA_TOKEN";
    public const string SearchUrlVariable = "MINEFUNCTIONS_ASF_SEARCH_URL";
    public const string Hyp3UrlVariable = "MINEFUNCTIONS_HYP3_URL";

    public string Name => "acquire";
    public string Summary => "Find new Sentinel-1 pairs for assets, order them from ASF HyP3 and download their coherence.";

    public string Usage =>
        "mine acquire ASSET|--all [--since DATE] [--dry-run] [--job-type T] [--looks L] [--budget CREDITS] [--max-resubmits N]\n" +
        "             [--poll-seconds S] [--timeout-hours H] [--keep-zip] [--engine azure|memory] [--namespace NAME] [--state DIR]\n" +
        "  ASSET            an asset folder already in the input container (it needs polygon.geojson); --all = every asset\n" +
        "  --since DATE     new pairs ending on or after DATE (yyyy-MM-dd); default: after the asset's latest stored pair,\n" +
        "                   or three years back for an asset without pairs\n" +
        "  --dry-run        list the pairs and their credit cost; order nothing\n" +
        $"  --job-type T     {string.Join(", ", Hyp3JobType.All)} (default {Hyp3JobType.IsceBurst}; several bursts → multi-burst)\n" +
        "  --looks L        5x1 (default, 20 m), 10x2 or 20x4 (INSAR_GAMMA: 10x2 or 20x4)\n" +
        "  --budget C       spend at most C credits in this run (default: what HyP3 says remains this month)\n" +
        "  --max-resubmits N  order a failed job again up to N times (default 2)\n" +
        "  --poll-seconds S, --timeout-hours H  status poll interval (default 600) and how long to wait (default 48)\n" +
        "  --keep-zip       also store each product zip under <asset>/hyp3/\n" +
        $"Environment: {TokenVariable} (an Earthdata Login token; needed unless --dry-run), {SearchUrlVariable}, {Hyp3UrlVariable}\n" +
        $"(defaults {AsfDefaults.Search} and {AsfDefaults.Hyp3}), {LocalStorage.ConnectionVariable}.";

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var all = args.Has("all");
        var dryRun = args.Has("dry-run");
        DateOnly? since = null;
        if (args.Optional("since") is { } s)
        {
            if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                throw new UsageException($"--since '{s}' is not a date (yyyy-MM-dd).");
            since = d;
        }
        var settings = new AcquisitionSettings
        {
            JobType = args.Optional("job-type") ?? Hyp3JobType.IsceBurst,
            Looks = args.Optional("looks") ?? "5x1",
            CreditBudget = args.Has("budget") ? args.Double("budget", 0) : null,
            MaxResubmits = args.Int("max-resubmits", 2),
            PollInterval = TimeSpan.FromSeconds(args.Double("poll-seconds", 600)),
            Timeout = TimeSpan.FromHours(args.Double("timeout-hours", 48)),
            KeepZip = args.Has("keep-zip"),
        };
        var engine = EngineKinds.Parse(args.Optional("engine"));
        var names = RunNamespace.Of(args.Optional("namespace"));
        var state = args.Optional("state") ?? LocalStorage.DefaultStateDirectory;
        args.RejectUnknown();
        if (all == (args.Positionals.Count == 1) || args.Positionals.Count > 1) throw new UsageException("Give one ASSET or --all.");
        try
        {
            settings = settings.Validated();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }
        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (!dryRun && string.IsNullOrWhiteSpace(token))
            throw new UsageException($"{TokenVariable} is not set: HyP3 needs an Earthdata Login token (https://urs.earthdata.nasa.gov, Generate Token). --dry-run works without one.");

        using var http = AcquisitionServices.CreateHttpClient();
        var services = ServicesFromEnvironment(http);
        await using var storage = await LocalStorage.OpenAsync(state, output, cancellationToken);
        var pipeline = await PipelineStorage.ConnectAsync(names.StorageOptions(storage.ConnectionString), cancellationToken);
        var assets = new List<string>();
        if (all) await foreach (var id in pipeline.Inputs.ListAssetIdsAsync(cancellationToken)) assets.Add(id);
        else assets.Add(args.Positionals[0]);
        if (assets.Count == 0)
        {
            output.WriteLine($"No assets in container {pipeline.Inputs.Container}; upload them first (mine run --input DIR uploads too).");
            return 1;
        }

        await using var host = await LocalEngineHost.StartAsync(
            new LocalEngineOptions { Kind = engine, ConnectionString = storage.ConnectionString, TaskHub = names.TaskHub },
            r => r.AddMineFunctionsWorkflow(),
            sc => sc.AddWorkflowStorage(pipeline).AddSingleton(services),
            cancellationToken: cancellationToken);

        var failed = 0;
        double cost = 0;
        foreach (var asset in assets)
        {
            // A fresh instance per call: after a crash the next call adopts the jobs already ordered, by their names.
            var instance = $"acquire:{asset}:{DateTime.UtcNow:yyyyMMddHHmmssfff}";
            await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(AcquireAssetOrchestrator),
                new AcquireRequest(asset, since, dryRun, settings), new Microsoft.DurableTask.StartOrchestrationOptions(instance), cancellationToken);
            output.WriteLine($"{asset}: {(dryRun ? "planning" : "acquiring")} (instance {instance})");
            var meta = await host.Client.WaitForInstanceCompletionAsync(instance, getInputsAndOutputs: true, cancellationToken);
            if (meta.RuntimeStatus != OrchestrationRuntimeStatus.Completed || meta.ReadOutputAs<AcquireResult>() is not { } result)
            {
                output.WriteLine($"{asset}: {meta.RuntimeStatus}: {meta.FailureDetails?.ErrorMessage}");
                failed++;
                continue;
            }
            Print(result, output);
            cost += result.PlannedCost;
            if (result.Pairs.Any(p => p.Status is PairStatus.Failed or PairStatus.Expired or PairStatus.TimedOut)) failed++;
        }
        if (dryRun)
        {
            var credits = services.HasHyp3 ? (await services.Hyp3.GetUserAsync(cancellationToken)).RemainingCredits : null;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Dry run: {cost:0.##} credits for all assets; {(credits is { } c ? $"{c:0.##} credits remain this month" : $"set {TokenVariable} to see the credits left")}. Nothing was ordered."));
        }
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The ASF and HyP3 clients as the environment configures them (token, base URLs); `mine worker` registers the same.</summary>
    internal static AcquisitionServices ServicesFromEnvironment(HttpClient http) =>
        new(http, Url(SearchUrlVariable, AsfDefaults.Search), Url(Hyp3UrlVariable, AsfDefaults.Hyp3), Environment.GetEnvironmentVariable(TokenVariable));

    internal static void Print(AcquireResult r, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.AssetId}: {r.Scenes} scenes since {r.SearchStart:yyyy-MM-dd}, {r.Pairs.Count} jobs ({r.PlannedCost:0.##} credits), {r.Skipped.Count} left out"));
        foreach (var p in r.Pairs)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.PairKey,-42} {p.Status,-16} {p.Cost,5:0.##} cr{(p.Reason is null ? "" : "  " + p.Reason)}"));
        foreach (var s in r.Skipped) output.WriteLine($"  {s.Subject,-42} left out: {s.Reason}");
    }

    private static Uri Url(string variable, string fallback)
    {
        var text = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(text)) return new Uri(fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? u : throw new UsageException($"{variable} '{text}' is not an http(s) URL.");
    }

    private static class AsfDefaults
    {
        public const string Search = Infrastructure.Acquisition.AsfSearchClient.DefaultBaseUrl;
        public const string Hyp3 = Infrastructure.Acquisition.Hyp3Client.DefaultBaseUrl;
    }
}
