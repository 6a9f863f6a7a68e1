using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.Commands;

/// <summary>`--asset-call-pixels N` of the commands that start runs (`mine run`, `mine demo`, `mine bench scale`).</summary>
internal static class AssetCallArgument
{
    /// <summary>Usage text of the option.</summary>
    public const string Usage =
        "  --asset-call-pixels N  AssetCallPixels: an asset of at most N pixels × pairs runs in one activity call (default 1048576;\n" +
        "                0: a stage a call, each stage shown as it runs; results do not change)";

    /// <summary>The option's value (the setting's default when absent); a negative one is a usage error.</summary>
    public static long Read(CliArguments args)
    {
        var pixels = args.Int("asset-call-pixels", (int)new PipelineSettings().AssetCallPixels);
        return pixels >= 0 ? pixels : throw new UsageException("--asset-call-pixels must be 0 (a stage a call) or more.");
    }
}
