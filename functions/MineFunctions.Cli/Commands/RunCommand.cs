using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Workflow;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine run --input DIR`: a user's asset folder (or folder of asset folders) through the whole
/// workflow on the local engine, results to --out. The run id derives from the content and the
/// settings, so running the same inputs again reuses the finished run and a run interrupted by a
/// crash resumes where it stopped.
/// </summary>
internal sealed class RunCommand : ICliCommand
{
    public string Name => "run";
    public string Summary => "Run the workflow on your asset folder(s) and write maps, counts and CSVs.";

    public string Usage =>
        "mine run --input DIR [--out DIR] [--engine azure|memory] [--namespace NAME] [--lease-seconds S] [--state DIR] [--no-work] [--window 7x2] [--rule adaptive|hsv|threshold] [--pixel-area-m2 A] [--asset-call-pixels N]\n" +
        "        " + ClassifierArguments.AdaptiveUsage + " " + ClassifierArguments.FixedRuleUsage + "\n" +
        "  --input DIR   an asset folder (asset.json, polygon.geojson, production.csv, emissions.csv, pairs/*.tif or slc/*.tif)\n" +
        "                or a folder of asset folders\n" +
        "  --out DIR     where results go (default ./out)\n" +
        "  --rule, --active-share, --active-z, --value-min, --saturation-min, --channel-threshold: the pipeline settings\n" +
        "                ClassRule, ActiveShare, ActiveZ, ValueMin, SaturationMin, ChannelThreshold (docs/CONFIGURATION.md)\n" +
        "  --no-work     only upload, enqueue and watch: `mine worker` processes on the same storage and task hub do the work\n" +
        AssetCallArgument.Usage;

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var input = args.Required("input");
        var outDir = Path.GetFullPath(args.Optional("out") ?? "out");
        var engine = EngineKinds.Parse(args.Optional("engine"));
        var names = RunNamespace.Of(args.Optional("namespace"));
        var state = args.Optional("state");
        var noWork = args.Has("no-work");
        TimeSpan? lease = args.Has("lease-seconds") ? TimeSpan.FromSeconds(args.Int("lease-seconds", 0)) : null;
        if (lease is { TotalSeconds: < 5 }) throw new UsageException("--lease-seconds must be at least 5.");
        var window = Core.Coherence.CoherenceWindow.Parse(args.Optional("window") ?? "7x2");
        var settings = ClassifierArguments.Pipeline(args, new PipelineSettings
        {
            WindowX = window.X,
            WindowY = window.Y,
            PixelAreaM2 = args.Has("pixel-area-m2") ? args.Double("pixel-area-m2", 0) : null,
            AssetCallPixels = AssetCallArgument.Read(args),
        });
        args.RejectUnknown();
        if (noWork && engine == EngineKind.Memory) throw new UsageException("--no-work needs the azure engine: in memory no other process can reach the run.");
        try
        {
            settings.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new UsageException(ex.Message);
        }

        await using var runner = await LocalRunner.StartAsync(engine, names, null, lease, output, cancellationToken, state, work: !noWork);
        if (noWork)
        {
            output.WriteLine($"Not working here (--no-work): `mine worker{(names == RunNamespace.Default ? "" : " --namespace " + names.TaskHub)}` processes on this storage do the run.");
            if (!LocalStorage.IsConfigured) output.WriteLine($"Workers on this machine join with: export {LocalStorage.ConnectionVariable}='{runner.ConnectionString}'");
        }
        output.WriteLine($"Uploading {input}:");
        var (assets, fingerprint, warnings) = await InputFolderUploader.UploadAsync(runner.Storage.Inputs, input, output, cancellationToken);
        var key = SettingsFingerprint.Of(settings);
        var runId = $"run-{InstanceIds.ShortHash($"{key}|{fingerprint}")}";
        var run = await runner.RunAsync(new RefreshRequest(runId, assets, settings, "cli"), output, cancellationToken);
        if (!run.Completed)
        {
            output.WriteLine($"Run {runId} ended {run.Status.RuntimeStatus}: {run.Status.FailureReason}");
            return 1;
        }
        var files = await runner.Results.DownloadAsync(assets, key, outDir, cancellationToken);
        foreach (var a in run.Assets)
            output.WriteLine($"{a.AssetId,-20} {a.Status,-10} {a.Pairs,5} pairs, {a.RejectedPairs} rejected{(a.Error is null ? "" : ": " + a.Error)}");
        foreach (var left in LeftOut(outDir))
            output.WriteLine($"left out of the estimate and the export: {left.AssetId}: {left.Reason}");
        if (warnings.Count > 0) output.WriteLine($"{warnings.Count} input warning(s) at upload (listed above); per asset, inputs.csv lists what was skipped or excluded.");
        output.WriteLine($"{files.Count} files in {outDir}. Run id {runId}.");
        return run.Assets.All(a => a.Status == AssetOutcome.Succeeded) ? 0 : 1;
    }

    /// <summary>The assets the run's export left out, from its downloaded <see cref="LeftOutCsv"/> (none when absent).</summary>
    private static IReadOnlyList<LeftOutAsset> LeftOut(string outDir)
    {
        var path = Path.Combine(outDir, LeftOutCsv.FileName);
        if (!File.Exists(path)) return [];
        using var reader = new StreamReader(path);
        return CsvTable.Read(reader, path, ["asset_id", "reason"], [], row => new LeftOutAsset(row.Text("asset_id") ?? "", row.Text("reason") ?? "")).Values;
    }
}
