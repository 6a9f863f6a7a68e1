namespace MineFunctions.Core.Inputs;

/// <summary>Whether a report covers one asset or a company/division (seed §5).</summary>
public enum ReportScope
{
    Asset,
    Company,
}

/// <summary>
/// Reported emissions (t CO2e) for one year with the ore production (t) they cover. Asset scope: the
/// subject is the asset. Company scope: the factor applies to every listed asset of the operation
/// (seed §5: "used to provide emissions factors for all assets within the given operation").
/// </summary>
public sealed record EmissionsReport(ReportScope Scope, string SubjectId, int Year, double Co2eT, double OreT, IReadOnlyList<string> AssetIds)
{
    /// <summary>t CO2e per t ore.</summary>
    public double EmissionFactor => Co2eT / OreT;
}
