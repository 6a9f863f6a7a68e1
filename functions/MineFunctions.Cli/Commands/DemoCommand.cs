using MineFunctions.Cli.Demo;
using MineFunctions.Cli.LocalEngine;
using MineFunctions.Cli.Running;

namespace MineFunctions.Cli.Commands;

/// <summary>
/// `mine demo`: simulated mines → Azurite → the Durable workflow → maps, counts, production and
/// Climate TRACE CSVs in a folder, scored against the simulator's truth.
/// </summary>
internal sealed class DemoCommand : ICliCommand
{
    public string Name => "demo";
    public string Summary => "Simulate mines, run the whole workflow on Azurite, write maps and CSVs, score against the truth.";

    public string Usage =>
        "mine demo [--out DIR] [--assets N] [--size PX] [--engine azure|memory] [--namespace NAME] [--lease-seconds S] [--state DIR] [--asset-call-pixels N]\n" +
        "  --out DIR       where results go (default ./demo-out)\n" +
        $"  --assets N      simulated mines, 1–{DemoMine.Defaults.Count} (default {DemoMine.Defaults.Count})\n" +
        "  --size PX       raster width and height in pixels (default 256)\n" +
        "  --engine        Durable backend: azure (Azure Storage on Azurite, default) or memory\n" +
        "  --namespace     isolate containers, tables and task hub under this name\n" +
        "  --lease-seconds how long work of a crashed process stays hidden before a restart resumes it\n" +
        "  --state DIR     Azurite data folder when MINEFUNCTIONS_STORAGE is not set\n" +
        $"                  (default {LocalStorage.DefaultStateDirectory}; `mine status` reads it)\n" +
        AssetCallArgument.Usage;

    public async Task<int> RunAsync(CliArguments args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = new DemoOptions(
            Path.GetFullPath(args.Optional("out") ?? "demo-out"),
            args.Int("assets", DemoMine.Defaults.Count),
            args.Int("size", 256),
            EngineKinds.Parse(args.Optional("engine")),
            RunNamespace.Of(args.Optional("namespace")),
            null,
            args.Has("lease-seconds") ? TimeSpan.FromSeconds(args.Int("lease-seconds", 0)) : null,
            args.Optional("state"))
        {
            AssetCallPixels = AssetCallArgument.Read(args),
        };
        args.RejectUnknown();
        if (options.Size is < 64 or > 4096) throw new UsageException("--size must be between 64 and 4096.");
        if (options.Lease is { TotalSeconds: < 5 }) throw new UsageException("--lease-seconds must be at least 5.");
        if (options.Assets < 1 || options.Assets > DemoMine.Defaults.Count) throw new UsageException($"--assets must be 1 to {DemoMine.Defaults.Count}.");

        var summary = await DemoRunner.RunAsync(options, output, cancellationToken);
        return summary is not null && summary.PerAsset.All(a => a.Status == "succeeded") ? 0 : 1;
    }
}
