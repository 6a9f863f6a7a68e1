using System.Globalization;
using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;
using MineFunctions.Core.Tests.Export;

namespace MineFunctions.Core.Tests.Emissions;

public sealed class EmissionFactorTests
{
    private static double Num(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>The real BRA co2 rows that have both activity and emissions, read as asset-scope reports.</summary>
    private static (List<Asset> Assets, List<EmissionsReport> Reports) RealReports(Commodity sector)
    {
        var rows = RealClimateTraceFiles.Rows(ClimateTraceFormat.SourcesFileName(sector)).Where(r => r["gas"] == "co2").ToList();
        var assets = rows.GroupBy(r => r["source_id"]).Select(g => g.First())
            .Select(r => new Asset(r["source_id"], r["source_name"], sector, r["iso3_country"], Num(r["lat"]), Num(r["lon"]), null)).ToList();
        var reports = rows.Where(r => r["activity"] is not ("" or "0") && r["emissions_quantity"] != "")
            .Select(r => new EmissionsReport(ReportScope.Asset, r["source_id"], int.Parse(r["start_time"][..4], CultureInfo.InvariantCulture),
                Num(r["emissions_quantity"]), Num(r["activity"]), [r["source_id"]])).ToList();
        return (assets, reports);
    }

    [SharedDataTheory("data", "real", RealClimateTraceFiles.Folder)]
    [InlineData(Commodity.Iron)]
    [InlineData(Commodity.Copper)]
    [InlineData(Commodity.Bauxite)]
    public void RealBra_AssetFactor_IsCo2DividedByActivity_AndMatchesThePrintedFactor(Commodity sector)
    {
        var (assets, reports) = RealReports(sector);
        var resolver = new EmissionFactorResolver(assets, reports, CountryRegions.Default);
        var printed = RealClimateTraceFiles.Rows(ClimateTraceFormat.SourcesFileName(sector)).Where(r => r["gas"] == "co2")
            .ToDictionary(r => (r["source_id"], int.Parse(r["start_time"][..4], CultureInfo.InvariantCulture)), r => r["emissions_factor"]);
        Assert.NotEmpty(reports);
        foreach (var r in reports)
        {
            var ef = resolver.Resolve(assets.Single(a => a.Id == r.SubjectId), r.Year)!;
            Assert.Equal(EmissionFactorSource.AssetReport, ef.Source);
            Assert.Equal(Confidence.Medium, ef.Confidence);
            Assert.Equal(0, ef.Uncertainty);
            Assert.Equal(r.Co2eT / r.OreT, ef.TCo2PerTOre, 12);
            // Integer-rounded co2 ÷ activity lands within the printed factor's 4-decimal rounding (+ the
            // quantity's half tonne).
            Assert.InRange(ef.TCo2PerTOre, Num(printed[(r.SubjectId, r.Year)]) - 0.00005 - 0.5 / r.OreT, Num(printed[(r.SubjectId, r.Year)]) + 0.00005 + 0.5 / r.OreT);
        }
    }

    // Means and sample std devs of co2 ÷ activity over the BRA rows with both (computed independently with Python).
    [SharedDataTheory("data", "real", RealClimateTraceFiles.Folder)]
    [InlineData(Commodity.Iron, 2020, 14, 0.0325071932, 0.0164894159)]
    [InlineData(Commodity.Iron, 2021, 15, 0.0290302771, 0.0123672600)]
    [InlineData(Commodity.Iron, 2022, 14, 0.0275342295, 0.0130154078)]
    [InlineData(Commodity.Copper, 2020, 10, 0.0182701166, 0.0069922266)]
    [InlineData(Commodity.Copper, 2021, 10, 0.0177205339, 0.0073293045)]
    [InlineData(Commodity.Copper, 2022, 10, 0.0194808444, 0.0061613860)]
    [InlineData(Commodity.Bauxite, 2020, 4, 0.0172748406, 0.0045501120)]
    [InlineData(Commodity.Bauxite, 2021, 4, 0.0167002395, 0.0052323598)]
    [InlineData(Commodity.Bauxite, 2022, 4, 0.0164005967, 0.0051270496)]
    public void RealBra_AnAssetWithoutReport_GetsTheNationalMean_Low_WithThePoolStdDev(Commodity sector, int year, int n, double mean, double sd)
    {
        var (assets, reports) = RealReports(sector);
        var unreported = new Asset("new", "New Mine", sector, "BRA", -20, -44, null);
        var ef = new EmissionFactorResolver([.. assets, unreported], reports, CountryRegions.Default).Resolve(unreported, year)!;

        Assert.Equal(EmissionFactorSource.NationalMean, ef.Source);
        Assert.Equal(Confidence.Low, ef.Confidence);
        Assert.Equal(n, ef.PoolSize);
        Assert.Equal(mean, ef.TCo2PerTOre, tolerance: 1e-9);
        Assert.Equal(sd, ef.Uncertainty!.Value, tolerance: 1e-9);
    }

    private static readonly Asset Bra = new("bra", "B", Commodity.Iron, "BRA", 0, 0, null);
    private static readonly Asset Chl = new("chl", "C", Commodity.Iron, "CHL", 0, 0, null);
    private static readonly Asset Zaf = new("zaf", "Z", Commodity.Iron, "ZAF", 0, 0, null);
    private static readonly Asset Per = new("per", "P", Commodity.Iron, "PER", 0, 0, null);

    [Fact]
    public void WithoutNationalReports_TheRegionalMeanIsUsed_VeryLow_ThenTheGlobalMean_VeryLow()
    {
        EmissionsReport Report(Asset a, double ef) => new(ReportScope.Asset, a.Id, 2022, ef * 1000, 1000, [a.Id]);
        var resolver = new EmissionFactorResolver([Bra, Chl, Zaf, Per], [Report(Bra, 0.02), Report(Chl, 0.04)], CountryRegions.Default);

        var regional = resolver.Resolve(Per, 2022)!; // Peru: no report, South America has Brazil and Chile
        Assert.Equal(EmissionFactorSource.RegionalMean, regional.Source);
        Assert.Equal(Confidence.VeryLow, regional.Confidence);
        Assert.Equal(0.03, regional.TCo2PerTOre, 12);
        Assert.Equal(Math.Sqrt(2) * 0.01, regional.Uncertainty!.Value, 12);

        var zafOwnRegion = new EmissionFactorResolver([Bra, Zaf], [Report(Bra, 0.02)], CountryRegions.Default).Resolve(Zaf, 2022)!;
        Assert.Equal(EmissionFactorSource.GlobalMean, zafOwnRegion.Source);
        Assert.Equal(Confidence.VeryLow, zafOwnRegion.Confidence);
        Assert.Null(zafOwnRegion.Uncertainty); // one-member pool: std dev not estimable

        // Nobody reported in 2021: the other years' factors stand in, nearest pool first, very low.
        var otherYears = resolver.Resolve(Per, 2021)!;
        Assert.Equal(EmissionFactorSource.OtherYearsMean, otherYears.Source);
        Assert.Equal(Confidence.VeryLow, otherYears.Confidence);
        Assert.Equal(0.03, otherYears.TCo2PerTOre, 12);
        Assert.Null(new EmissionFactorResolver([Per], [], CountryRegions.Default).Resolve(Per, 2021)); // no factor anywhere
    }

    [Fact]
    public void CompanyReport_AppliesToEveryListedAsset_Medium_AndCountsOnceInThePool()
    {
        var company = new EmissionsReport(ReportScope.Company, "Vale", 2022, 300, 10_000, ["bra", "bra2"]);
        var bra2 = Bra with { Id = "bra2" };
        var bra3 = Bra with { Id = "bra3" };
        var own = new EmissionsReport(ReportScope.Asset, "bra", 2022, 50, 1000, ["bra"]);
        var resolver = new EmissionFactorResolver([Bra, bra2, bra3], [company, own], CountryRegions.Default);

        Assert.Equal(EmissionFactorSource.AssetReport, resolver.Resolve(Bra, 2022)!.Source); // asset report wins
        var viaCompany = resolver.Resolve(bra2, 2022)!;
        Assert.Equal(EmissionFactorSource.CompanyReport, viaCompany.Source);
        Assert.Equal(Confidence.Medium, viaCompany.Confidence);
        Assert.Equal(0.03, viaCompany.TCo2PerTOre, 12);
        var national = resolver.Resolve(bra3, 2022)!;
        Assert.Equal(2, national.PoolSize); // company (once) + the asset report
        Assert.Equal((0.03 + 0.05) / 2, national.TCo2PerTOre, 12);
    }

    [Fact]
    public void ProductUncertainty_IsTheExactVarianceOfAProductOfIndependentQuantities()
    {
        // Var(AF) = A²σF² + F²σA² + σA²σF²: A = 100 ± 10, F = 0.02 ± 0.004 → √(100²·0.004² + 0.02²·10² + 10²·0.004²)
        Assert.Equal(Math.Sqrt(0.16 + 0.04 + 0.0016), ProductUncertainty.Of(100, 10, 0.02, 0.004)!.Value, 12);
        // Small relative errors: ≈ relative uncertainties in quadrature.
        var e = ProductUncertainty.Of(1e6, 1e4, 0.02, 2e-4)!.Value / (1e6 * 0.02);
        Assert.Equal(Math.Sqrt(0.01 * 0.01 + 0.01 * 0.01), e, 4);
        Assert.Equal(0, ProductUncertainty.Of(5, 0, 0.02, 0));
        Assert.Null(ProductUncertainty.Of(5, null, 0.02, 0));
        Assert.Null(ProductUncertainty.Of(5, 1, 0.02, null));
    }

    [Fact]
    public void Emissions_AreActivityTimesFactor_WithTheLowerConfidence()
    {
        var a = new ActivityEstimate(2_000_000, Confidence.High, 0, ActivityMethod.ReportedOre, 2022);
        var f = new EmissionFactorEstimate(0.025, Confidence.Low, 0.005, EmissionFactorSource.NationalMean, 3);
        var e = EmissionsEstimator.Combine(Bra, 2022, a, f);
        Assert.Equal(50_000, e.Co2T!.Value, 6);
        Assert.Equal(Confidence.Low, e.Co2Confidence);
        Assert.Equal(2_000_000 * 0.005, e.Co2UncertaintyT!.Value, 6);

        var medium = EmissionsEstimator.Combine(Bra, 2022, a with { Confidence = Confidence.Medium }, f with { Confidence = Confidence.VeryLow });
        Assert.Equal(Confidence.VeryLow, medium.Co2Confidence);
        Assert.Null(EmissionsEstimator.Combine(Bra, 2022, a, null).Co2T);
        Assert.Null(EmissionsEstimator.Combine(Bra, 2022, null, f).Co2T);
    }
}
