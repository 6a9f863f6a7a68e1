namespace MineFunctions.App.Inputs;

/// <summary>
/// Classifies a blob name of the input container, laid out as <c>&lt;asset&gt;/…/&lt;file&gt;</c>:
/// the first segment is the asset id (allowlisted by <see cref="AssetIds"/>), the rest is the asset's
/// own layout, read by the workflow. Only the file extension decides whether the blob is an input.
/// </summary>
public sealed record InputBlobName(InputBlobKind Kind, string? AssetId, string Reason)
{
    /// <summary>Longest blob name considered (Azure allows 1024 characters).</summary>
    public const int MaxLength = 1024;

    /// <summary>Extensions of the inputs: pair rasters, polygons, production and pair catalogues.</summary>
    public static readonly IReadOnlySet<string> InputExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".tif", ".tiff", ".geojson", ".json", ".csv", ".shp", ".zip" };

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
        if (file.StartsWith('.') || file.StartsWith('_'))
            return new InputBlobName(InputBlobKind.Ignored, asset, "hidden or marker file");
        var extension = Path.GetExtension(file);
        if (!InputExtensions.Contains(extension))
            return new InputBlobName(InputBlobKind.Ignored, asset, $"'{extension}' is not an input extension");
        return new InputBlobName(InputBlobKind.AssetInput, asset, $"input file '{file}'");
    }

    private static InputBlobName Rejected(string reason) => new(InputBlobKind.Rejected, null, reason);
}
