namespace MineFunctions.Core.Inputs;

/// <summary>The three ores of the Climate TRACE mineral-extraction asset files (seed Table S1).</summary>
public enum Commodity
{
    Iron,
    Copper,
    Bauxite,
}

public static class CommodityExtensions
{
    /// <summary>"iron", "copper", "bauxite": the word used in the input files and in the export's unit strings.</summary>
    public static string Word(this Commodity c) => c.ToString().ToLowerInvariant();

    /// <summary>Climate TRACE sector name, e.g. "iron-mining" (file prefix and original_inventory_sector).</summary>
    public static string SectorName(this Commodity c) => c.Word() + "-mining";

    /// <summary>Climate TRACE source_type, e.g. "iron-mine".</summary>
    public static string SourceType(this Commodity c) => c.Word() + "-mine";

    public static Commodity Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "iron" => Commodity.Iron,
        "copper" => Commodity.Copper,
        "bauxite" => Commodity.Bauxite,
        _ => throw new FormatException($"'{text}' is not a commodity (expected iron, copper or bauxite)."),
    };
}
