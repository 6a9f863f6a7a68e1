namespace MineFunctions.Core.Inputs;

/// <summary>One mine of the asset registry. Lat/lon are EPSG:4326 decimal degrees; PolygonRef names its mine polygon (blob or file), optional.</summary>
public sealed record Asset(string Id, string Name, Commodity Commodity, string Iso3, double Lat, double Lon, string? PolygonRef);
