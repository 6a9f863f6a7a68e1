using System.Text.Json;
using System.Text.Json.Serialization;

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

    /// <summary>Parses and validates; a bad manifest is an <see cref="InvalidDataException"/> naming the problem.</summary>
    public static AssetManifest Parse(string json, string source = "asset.json")
    {
        AssetManifest? m;
        try
        {
            m = JsonSerializer.Deserialize<AssetManifest>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{source}: not valid JSON ({ex.Message}).", ex);
        }
        if (m is null) throw new InvalidDataException($"{source}: empty.");
        if (string.IsNullOrWhiteSpace(m.Name)) throw new InvalidDataException($"{source}: \"name\" is missing.");
        if (string.IsNullOrWhiteSpace(m.Commodity)) throw new InvalidDataException($"{source}: \"commodity\" is missing.");
        if (m.Iso3 is null || m.Iso3.Length != 3 || !m.Iso3.All(char.IsAsciiLetterUpper))
            throw new InvalidDataException($"{source}: \"iso3\" must be three upper-case letters, got '{m.Iso3}'.");
        if (!double.IsFinite(m.Lat) || m.Lat is < -90 or > 90) throw new InvalidDataException($"{source}: \"lat\" must be in [-90, 90].");
        if (!double.IsFinite(m.Lon) || m.Lon is < -180 or > 180) throw new InvalidDataException($"{source}: \"lon\" must be in [-180, 180].");
        return m;
    }

    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
