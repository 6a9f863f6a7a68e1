using System.Text.Json;
using System.Text.Json.Serialization;
using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Export;

/// <summary>Maps an <see cref="EstimateResult"/> to <see cref="EstimateDocument"/> and (de)serialises it as snake_case JSON.</summary>
public static class EstimateJson
{
    /// <param name="leftOut">Assets not estimated because their inputs do not parse, with the reasons (none by default).</param>
    public static EstimateDocument ToDocument(EstimateResult result, IReadOnlyList<LeftOutAsset>? leftOut = null) => new(
        result.Years,
        result.Rows.GroupBy(r => r.Asset.Id, StringComparer.Ordinal).Select(g =>
        {
            var a = g.First().Asset;
            return new AssetDocument(a.Id, a.Name, a.Commodity.SectorName(), a.Commodity.SourceType(), a.Iso3, a.Lat, a.Lon,
                ClimateTraceFormat.GeometryRef(a.Lat, a.Lon), a.PolygonRef, g.OrderBy(r => r.Year).Select(Year).ToList());
        }).ToList(),
        result.Warnings,
        leftOut ?? []);

    public static string Serialize(EstimateResult result, IReadOnlyList<LeftOutAsset>? leftOut = null) =>
        JsonSerializer.Serialize(ToDocument(result, leftOut), EstimateJsonContext.Default.EstimateDocument);

    public static EstimateDocument? Deserialize(string json) => JsonSerializer.Deserialize(json, EstimateJsonContext.Default.EstimateDocument);

    private static AssetYearDocument Year(AssetYearEstimate r)
    {
        var commodity = r.Asset.Commodity;
        var activity = r.Activity is { } a
            ? new ActivityDocument(a.OreT, ClimateTraceFormat.ActivityUnits(commodity), a.Confidence.CsvName(), a.UncertaintyT, Snake(a.Method.ToString()),
                a.SourceYear, a.Product, a.Factor, a.PoolLevel is { } l ? Snake(l.ToString()) : null, a.PoolSize, a.AreaM2, a.AreaUncertaintyM2)
            : null;
        var factor = r.EmissionFactor is { } f
            ? new EmissionFactorDocument(f.TCo2PerTOre, ClimateTraceFormat.Co2FactorUnits(commodity), f.Confidence.CsvName(), f.Uncertainty, Snake(f.Source.ToString()), f.PoolSize)
            : null;
        return new AssetYearDocument(r.Year, activity, factor, r.Co2T, null, null, r.Co2T, r.Co2T, r.Co2Confidence?.CsvName(), r.Co2UncertaintyT);
    }

    private static string Snake(string pascal) => JsonNamingPolicy.SnakeCaseLower.ConvertName(pascal);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(EstimateDocument))]
internal sealed partial class EstimateJsonContext : JsonSerializerContext;
