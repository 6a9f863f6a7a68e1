using System.Globalization;
using System.Text.Json;
using MineFunctions.Core.Acquisition;

namespace MineFunctions.Infrastructure.Acquisition;

/// <summary>What to ask ASF's search API for: Sentinel-1 IW bursts (or whole SLCs for INSAR_GAMMA) over an area since a date.</summary>
public sealed record AsfSearchQuery(string IntersectsWithWkt, DateTimeOffset Start, bool Bursts = true, string Polarisation = "VV", DateTimeOffset? End = null, int MaxResults = 2000);

/// <summary>
/// ASF's search API (<c>GET {base}services/search/param</c>, <c>output=geojson</c>): Sentinel-1,
/// beam mode IW, <c>processingLevel=BURST</c> (bursts, polarisation asked for) or <c>SLC</c>,
/// <c>intersectsWith</c> a WKT polygon, <c>start</c>/<c>end</c>. Each GeoJSON feature's
/// <c>properties</c> become a <see cref="SceneAcquisition"/>: sceneName, startTime, pathNumber,
/// flightDirection, polarization, the full burst id (bursts) or frameNumber (SLC),
/// <c>perpendicularBaseline</c> where the response has it (asf_search stacks do; a plain search
/// does not), and the orbit state vectors of a <c>baseline</c> object where present, from which
/// <see cref="StateVectorBaseline"/> computes Bperp.
/// </summary>
public sealed class AsfSearchClient(HttpClient http, Uri baseUrl)
{
    public const string DefaultBaseUrl = "https://api.daac.asf.alaska.edu/";

    public Uri RequestUri(AsfSearchQuery query)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query.IntersectsWithWkt);
        if (query.MaxResults < 1) throw new ArgumentOutOfRangeException(nameof(query), query.MaxResults, "maxResults must be at least 1.");
        var q = new List<(string, string)>
        {
            ("platform", "SENTINEL-1"),
            ("beamMode", "IW"),
            ("processingLevel", query.Bursts ? "BURST" : "SLC"),
            ("intersectsWith", query.IntersectsWithWkt),
            ("start", query.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        };
        if (query.End is { } end) q.Add(("end", end.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)));
        if (query.Bursts) q.Add(("polarization", query.Polarisation));
        q.Add(("maxResults", query.MaxResults.ToString(CultureInfo.InvariantCulture)));
        q.Add(("output", "geojson"));
        var text = string.Join('&', q.Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2)}"));
        return new Uri(baseUrl, "services/search/param?" + text);
    }

    public async Task<IReadOnlyList<SceneAcquisition>> SearchAsync(AsfSearchQuery query, CancellationToken cancellationToken = default)
    {
        using var response = await http.GetAsync(RequestUri(query), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"ASF search answered {(int)response.StatusCode} {response.ReasonPhrase}: {Truncate(body)}", null, response.StatusCode);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var doc = await JsonDocument.ParseAsync(stream, default, cancellationToken);
        return Parse(doc.RootElement);
    }

    /// <summary>Reads a GeoJSON FeatureCollection (or a bare array of features) of Sentinel-1 products.</summary>
    public static IReadOnlyList<SceneAcquisition> Parse(JsonElement root)
    {
        var features = root.ValueKind == JsonValueKind.Array ? root
            : root.TryGetProperty("features", out var f) && f.ValueKind == JsonValueKind.Array ? f
            : throw new InvalidDataException("The ASF search response is not a GeoJSON FeatureCollection (no 'features' array).");
        var scenes = new List<SceneAcquisition>();
        var i = 0;
        foreach (var feature in features.EnumerateArray())
        {
            i++;
            if (!feature.TryGetProperty("properties", out var p) || p.ValueKind != JsonValueKind.Object)
                throw new InvalidDataException($"ASF search feature {i} has no properties.");
            var name = Text(p, "sceneName") ?? Text(p, "fileID") ?? throw new InvalidDataException($"ASF search feature {i} has no sceneName.");
            var start = Text(p, "startTime") is { } s && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
                ? t : throw new InvalidDataException($"ASF search feature {name} has no valid startTime.");
            var track = Number(p, "pathNumber") is { } n ? (int)n : throw new InvalidDataException($"ASF search feature {name} has no pathNumber.");
            var direction = Text(p, "flightDirection") ?? throw new InvalidDataException($"ASF search feature {name} has no flightDirection.");
            var polarisation = Text(p, "polarization") ?? throw new InvalidDataException($"ASF search feature {name} has no polarization.");
            string stack;
            if (p.TryGetProperty("burst", out var burst) && burst.ValueKind == JsonValueKind.Object && Text(burst, "fullBurstID") is { } burstId)
                stack = burstId;
            else
                stack = Number(p, "frameNumber") is { } frame ? string.Create(CultureInfo.InvariantCulture, $"{track}-{(int)frame}") : track.ToString(CultureInfo.InvariantCulture);
            scenes.Add(new SceneAcquisition(name, start, track, direction.ToUpperInvariant(), polarisation, stack, Number(p, "perpendicularBaseline"), Orbit(feature, p)));
        }
        return scenes;
    }

    /// <summary>
    /// The state vectors of a feature's <c>baseline</c> object (asf_search's product shape:
    /// stateVectors.positions/velocities pre and post, ascendingNodeTime), with the scene centre;
    /// null when any part is missing.
    /// </summary>
    private static OrbitStateVectors? Orbit(JsonElement feature, JsonElement p)
    {
        if (!feature.TryGetProperty("baseline", out var b) || b.ValueKind != JsonValueKind.Object
            || !b.TryGetProperty("stateVectors", out var sv) || sv.ValueKind != JsonValueKind.Object
            || !sv.TryGetProperty("positions", out var pos) || pos.ValueKind != JsonValueKind.Object
            || !sv.TryGetProperty("velocities", out var vel) || vel.ValueKind != JsonValueKind.Object)
            return null;
        var prePos = Vector(pos, "prePosition");
        var postPos = Vector(pos, "postPosition");
        var preVel = Vector(vel, "preVelocity");
        var postVel = Vector(vel, "postVelocity");
        var preTime = Time(pos, "prePositionTime");
        var postTime = Time(pos, "postPositionTime");
        var node = Time(b, "ascendingNodeTime");
        if (prePos is null || postPos is null || preVel is null || postVel is null || preTime is null || postTime is null || node is null
            || Number(p, "centerLat") is not { } lat || Number(p, "centerLon") is not { } lon || postTime <= preTime)
            return null;
        return new OrbitStateVectors(prePos, preTime.Value, postPos, postTime.Value, preVel, postVel, node.Value, lat, lon);
    }

    private static double[]? Vector(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 3 && v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.Number)
            ? v.EnumerateArray().Select(x => x.GetDouble()).ToArray() : null;

    private static DateTimeOffset? Time(JsonElement o, string name) =>
        Text(o, name) is { } t && DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var d) ? d : null;

    private static string? Text(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;

    private static double? Number(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.Number) return v.GetDouble();
        return v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    internal static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
