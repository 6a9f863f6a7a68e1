using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.App.Inputs;

/// <summary>
/// Classifies a blob name of the input container, laid out as <see cref="InputLayout"/> says
/// (<c>&lt;asset&gt;/asset.json</c>, <c>&lt;asset&gt;/pairs/&lt;file&gt;.tif</c>, …): the first segment
/// is the asset id, allowlisted by <see cref="AssetIds"/>; the rest must pass <see cref="BlobPath"/>
/// and be a file the workflow reads, or the blob is ignored.
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
        var file = segments[^1];
        // Editors and upload tools leave these next to real data; they are not worth a warning.
        if (file.StartsWith('.') || file.StartsWith('_'))
            return new InputBlobName(InputBlobDecision.Ignored, asset, "hidden or marker file");

        InputBlob? input;
        try
        {
            input = InputLayout.Classify(name);
        }
        catch (StorageNameException e)
        {
            return Rejected(e.Message);
        }
        return input is null
            ? new InputBlobName(InputBlobDecision.Ignored, asset, "not a file of the input layout (asset.json, polygon, production, emissions, pairs.csv, pairs/*.tif, slc/*.tif)")
            : new InputBlobName(InputBlobDecision.AssetInput, asset, $"{input.Kind} input '{input.FileName}'", input);
    }

    private static InputBlobName Rejected(string reason) => new(InputBlobDecision.Rejected, null, reason);
}
