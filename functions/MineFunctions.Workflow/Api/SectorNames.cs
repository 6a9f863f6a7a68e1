using System.Diagnostics.CodeAnalysis;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Workflow.Api;

/// <summary>Allowlist of Climate TRACE sector names in routes: exactly the sectors of the modelled commodities ("iron-mining", …).</summary>
public static class SectorNames
{
    private static readonly Dictionary<string, Commodity> Sectors =
        Enum.GetValues<Commodity>().ToDictionary(c => c.SectorName(), StringComparer.Ordinal);

    /// <summary>Every accepted sector name.</summary>
    public static IReadOnlyCollection<string> All => Sectors.Keys;

    /// <summary>The commodity of a sector name; otherwise false with <paramref name="reason"/>.</summary>
    public static bool TryParse(string? value, out Commodity commodity, [NotNullWhen(false)] out string? reason)
    {
        if (value is not null && Sectors.TryGetValue(value, out commodity))
        {
            reason = null;
            return true;
        }
        commodity = default;
        reason = $"unknown sector; one of {string.Join(", ", Sectors.Keys.Order(StringComparer.Ordinal))}";
        return false;
    }
}
