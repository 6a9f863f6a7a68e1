using MineFunctions.Core.Activity;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Emissions;

/// <summary>
/// The estimate of one asset-year. Only CO2 is modelled (METHOD.md §1.7): CH4 and N2O are not
/// modelled (null) and CO2e (100- and 20-year GWP) equals CO2. Null <see cref="Co2T"/> = not estimable.
/// </summary>
public sealed record AssetYearEstimate(
    Asset Asset,
    int Year,
    ActivityEstimate? Activity,
    EmissionFactorEstimate? EmissionFactor,
    double? Co2T,
    Confidence? Co2Confidence,
    double? Co2UncertaintyT);

/// <summary>All asset-years of a run, ordered by asset id then year, with the warnings met on the way.</summary>
public sealed record EstimateResult(IReadOnlyList<int> Years, IReadOnlyList<AssetYearEstimate> Rows, IReadOnlyList<string> Warnings);
