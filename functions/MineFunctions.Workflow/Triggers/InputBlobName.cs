using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Workflow.Triggers;

/// <summary>
/// Classifies a blob name of the input container, laid out as <see cref="StorageLayout"/> says
/// (<c>&lt;asset&gt;/asset.json</c>, <c>&lt;asset&gt;/pairs/&lt;file&gt;.tif</c>, …): the first segment
/// is the asset id (<see cref="AssetIds"/>, the rule every host shares); the rest must be a file the
/// workflow reads (<see cref="StorageLayout.Inspect"/>), or the blob is ignored with the reason.
/// </summary>
/// <param name="Decision">What the trigger does with the blob.</param>
/// <param name="AssetId">The asset, for an accepted or ignored name; null when rejected.</param>
/// <param name="Reason">Why, in words for the log.</param>
/// <param name="Input">The recognised input (kind and file) when accepted.</param>
public sealed record InputBlobName(InputBlobDecision Decision, string? AssetId, string Reason, InputBlob? Input = null)
{
    /// <summary>Longest blob name considered (Azure allows 1024 characters).</summary>
    public const int MaxLength = 1024;

    /// <summary>Classifies <paramref name="name"/> (the path inside the input container).</summary>
    public static InputBlobName Classify(string? name)
    {
        if (string.IsNullOrEmpty(name)) return Rejected("the blob name is empty");
        if (name.Length > MaxLength) return Rejected($"the blob name is longer than {MaxLength} characters");
        if (name.Any(c => char.IsControl(c) || c == '\\')) return Rejected("the blob name contains a control character or a backslash");

        var segments = name.Split('/');
        if (segments.Length < 2) return Rejected("the blob is not inside an asset folder (<asset>/<file>)");
        if (segments.Any(s => s.Length == 0 || s == "." || s == "..")) return Rejected("the blob name has an empty, '.' or '..' segment");
        if (!AssetIds.IsValid(segments[0], out var reason)) return Rejected(reason);

        var asset = segments[0];
        // Notes, sidecars (.aux.xml, .DS_Store) and the other files of a HyP3 product are ignored with the
        // layout's reason, never retried and never an error: DiscoverAssetActivity lists them in the input report.
        var verdict = StorageLayout.Inspect(name);
        return verdict.Input is { } input
            ? new InputBlobName(InputBlobDecision.AssetInput, asset, $"{input.Kind} input '{input.FileName}'", input)
            : new InputBlobName(InputBlobDecision.Ignored, asset, verdict.SkipReason!);
    }

    private static InputBlobName Rejected(string reason) => new(InputBlobDecision.Rejected, null, reason);
}
