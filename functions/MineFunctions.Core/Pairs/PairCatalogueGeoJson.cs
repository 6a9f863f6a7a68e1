using System.Text.Json;

namespace MineFunctions.Core.Pairs;

/// <summary>
/// Reads asf_search stack results saved as GeoJSON (<c>results.geojson()</c>): a FeatureCollection, or
/// a bare array of features as asf_search's own test fixtures hold them. Each feature is one scene;
/// <c>sceneName</c>, <c>startTime</c>, <c>pathNumber</c>, <c>flightDirection</c> and
/// <c>polarization</c> come from its <c>properties</c>, <c>perpendicularBaseline</c> from its properties
/// or, as older asf_search versions wrote it, from the feature itself. A pair's Bperp is the difference
/// of its two scenes' (<see cref="PairCatalogue.Find"/>).
/// </summary>
public static class PairCatalogueGeoJson
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static PairCatalogue Read(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json.TrimStart('\uFEFF'), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not valid JSON (line {e.LineNumber + 1}): {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            var features = root.ValueKind switch
            {
                JsonValueKind.Array => root,
                JsonValueKind.Object when root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array => f,
                _ => throw new InvalidDataException($"{source}: expected a GeoJSON FeatureCollection or an array of features (asf_search stack results)."),
            };
            var errors = new List<string>();
            var scenes = new List<(int Line, StackScene Scene)>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
                {
                    errors.Add($"{source}: feature {index} has no properties.");
                    continue;
                }
                var name = Text(p, "sceneName") ?? Text(p, "fileID") ?? $"feature {index}";
                if (!StackScenes.TryDate(Text(p, "startTime"), name, out var date))
                {
                    errors.Add($"{source}: feature {index} ({name}) has no date (startTime or a date in sceneName).");
                    continue;
                }
                var bperpElement = p.TryGetProperty("perpendicularBaseline", out var b) ? b : feature.TryGetProperty("perpendicularBaseline", out var fb) ? fb : default;
                double? bperp = bperpElement.ValueKind switch
                {
                    JsonValueKind.Number => bperpElement.GetDouble(),
                    JsonValueKind.Undefined or JsonValueKind.Null => null,
                    _ => double.NaN,
                };
                if (bperp is { } v && !double.IsFinite(v))
                {
                    errors.Add($"{source}: feature {index} ({name}): perpendicularBaseline is not a number.");
                    continue;
                }
                scenes.Add((index, new StackScene(name, date, bperp, Text(p, "pathNumber"), Text(p, "flightDirection")?.ToUpperInvariant(), Text(p, "polarization")?.ToUpperInvariant())));
            }
            if (scenes.Count == 0 && errors.Count == 0) errors.Add($"{source}: no features.");
            var catalogue = StackScenes.Build(source, PairCatalogueFormats.AsfSearchStack, scenes, errors);
            if (errors.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, errors));
            return catalogue;
        }
    }

    private static string? Text(JsonElement o, string name) => o.TryGetProperty(name, out var v)
        ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString() is { Length: > 0 } s ? s : null,
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        }
        : null;
}
