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

    /// <summary>The accepted words, for messages: "iron, copper, bauxite".</summary>
    public static string AllowedWords => string.Join(", ", Enum.GetValues<Commodity>().Select(Word));

    public static bool TryParse(string? text, out Commodity commodity)
    {
        foreach (var c in Enum.GetValues<Commodity>())
        {
            if (string.Equals(text?.Trim(), c.Word(), StringComparison.OrdinalIgnoreCase))
            {
                commodity = c;
                return true;
            }
        }
        commodity = default;
        return false;
    }

    public static Commodity Parse(string text) =>
        TryParse(text, out var c) ? c : throw new FormatException($"'{text}' is not a commodity (allowed: {AllowedWords}).");
}
