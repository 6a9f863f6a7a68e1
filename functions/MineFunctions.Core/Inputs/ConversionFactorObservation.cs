namespace MineFunctions.Core.Inputs;

/// <summary>
/// One observed ore-per-product factor (t ore / t product) of an asset in a country, from outside the
/// production file (e.g. a company report). It joins the national/regional pools together with the
/// factors derived from assets that report both ore and the product in the same year (METHOD.md §1.6).
/// </summary>
public sealed record ConversionFactorObservation(Commodity Commodity, string Product, string Iso3, double OrePerProduct, string? Source);
