using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MineFunctions.Testing.Acquisition;

/// <summary>
/// The real ASF search responses asf_search records as test fixtures (shared/data/real/asf-search/*.yml),
/// read where they lie. They are JSON-shaped YAML with Python's None and trailing commas; they are
/// read as JSON after dropping comment lines and turning a bare None into null.
/// </summary>
public static partial class RecordedAsfSearch
{
    [GeneratedRegex(@"(?<=[:\[,]\s*)None(?=\s*[,\]}])")]
    private static partial Regex PythonNone();

    /// <summary>The features (GeoJSON-like products with properties) of one recorded file; a single product becomes a one-item list.</summary>
    public static JsonArray Features(string file)
    {
        // Whole-line YAML comments (one file keeps a commented-out second product) go first.
        var lines = File.ReadAllLines(SharedData.Real("asf-search", file)).Where(l => !l.TrimStart().StartsWith('#'));
        var text = PythonNone().Replace(string.Join('\n', lines), "null");
        var node = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true })
            ?? throw new InvalidDataException($"{file} is empty.");
        var array = node as JsonArray ?? new JsonArray(node.DeepClone());
        foreach (var feature in array.OfType<JsonObject>()) feature["type"] ??= "Feature";
        return array;
    }
}
