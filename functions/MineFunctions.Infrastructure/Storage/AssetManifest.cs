using System.Text.Json;
using System.Text.Json.Serialization;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// "&lt;asset&gt;/asset.json": what the pipeline needs to know about a mine besides its rasters.
/// <code>{ "name": "Carajas N4", "commodity": "iron", "iso3": "BRA", "lat": -6.07, "lon": -50.17 }</code>
/// </summary>
public sealed record AssetManifest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("commodity")] string Commodity,
    [property: JsonPropertyName("iso3")] string Iso3,
    [property: JsonPropertyName("lat")] double Lat,
    [property: JsonPropertyName("lon")] double Lon)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>
    /// Parses and validates; a bad manifest is an <see cref="InvalidDataException"/> naming the file, the
    /// line of the field at fault and the rule (commodity one of <see cref="Core.Inputs.Commodity"/>'s,
    /// bounds of <see cref="InputLimits"/>).
    /// </summary>
    public static AssetManifest Parse(string json, string source = "asset.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        InputLimits.CheckSize(source, System.Text.Encoding.UTF8.GetByteCount(json), InputLimits.MaxManifestBytes);
        AssetManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<AssetManifest>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message}).", ex);
        }
        if (m is null) throw new InvalidDataException($"{source}: empty.");
        string At(string property) => $"{source}:{LineOf(json, property)}";
        if (string.IsNullOrWhiteSpace(m.Name)) throw new InvalidDataException($"{source}: \"name\" is missing.");
        if (m.Name.Length > InputLimits.MaxNameChars)
            throw new InvalidDataException($"{At("name")}: \"name\" has {m.Name.Length} characters, more than the limit of {InputLimits.MaxNameChars}.");
        if (m.Name.Any(char.IsControl)) throw new InvalidDataException($"{At("name")}: \"name\" holds a control character (a line break or tab).");
        if (string.IsNullOrWhiteSpace(m.Commodity)) throw new InvalidDataException($"{source}: \"commodity\" is missing.");
        if (!CommodityExtensions.TryParse(m.Commodity, out _))
            throw new InvalidDataException($"{At("commodity")}: \"commodity\" is '{Shorten(m.Commodity)}'; allowed: {CommodityExtensions.AllowedWords}.");
        if (m.Iso3 is null || m.Iso3.Length != 3 || !m.Iso3.All(char.IsAsciiLetterUpper))
            throw new InvalidDataException($"{At("iso3")}: \"iso3\" must be three upper-case letters, got '{Shorten(m.Iso3)}'.");
        if (!double.IsFinite(m.Lat) || m.Lat is < -90 or > 90) throw new InvalidDataException($"{At("lat")}: \"lat\" must be in [-90, 90].");
        if (!double.IsFinite(m.Lon) || m.Lon is < -180 or > 180) throw new InvalidDataException($"{At("lon")}: \"lon\" must be in [-180, 180].");
        return m;
    }

    /// <summary>The 1-based line of a top-level property (its name), or 1 when absent.</summary>
    private static int LineOf(string json, string property)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(property))
                return 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
        }
        return 1;
    }

    /// <summary>A value quoted back in a message, cut so a huge field does not make a huge message.</summary>
    private static string? Shorten(string? value) => value is { Length: > 40 } ? value[..40] + "…" : value;

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
