using MineFunctions.Core.Activity;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Activity;

public sealed class ActivityEstimatorTests
{
    private static Asset Mine(string id, string iso3 = "BRA", Commodity c = Commodity.Copper) => new(id, id, c, iso3, 0, 0, null);

    private static ReportedProduction Ore(string id, int year, double t) => new(id, year, ReportedProduction.Ore, t);

    private static ReportedProduction Product(string id, int year, string product, double t) => new(id, year, product, t);

    private static ActivityEstimator Estimator(IReadOnlyList<Asset> assets, IReadOnlyList<ReportedProduction> production,
        IReadOnlyList<MinedArea>? areas = null, IReadOnlyList<ConversionFactorObservation>? factors = null) =>
        new(assets, production, factors ?? [], areas ?? [], CountryRegions.Default);

    [Fact]
    public void ReportedOre_IsHigh_WithZeroUncertainty()
    {
        var a = Mine("a");
        var e = Estimator([a], [Ore("a", 2022, 5e6), Product("a", 2022, "cathode", 1e5)]).Estimate(a, 2022)!;
        Assert.Equal((5e6, Confidence.High, 0.0, ActivityMethod.ReportedOre), (e.OreT, e.Confidence, e.UncertaintyT!.Value, e.Method));
    }

    [Fact]
    public void ProductOnlyMine_GetsOreFromTheNationalConversionFactor_Medium_WithPoolStdDev()
    {
        // Two Brazilian mines report ore and concentrate: factors 20 and 30 t ore per t concentrate.
        var (a, b, c) = (Mine("a"), Mine("b"), Mine("c"));
        var production = new[]
        {
            Ore("a", 2021, 2e6), Product("a", 2021, "concentrate", 1e5),
            Ore("b", 2021, 3e6), Product("b", 2021, "concentrate", 1e5),
            Product("c", 2022, "concentrate", 50_000),
        };
        var e = Estimator([a, b, c], production).Estimate(c, 2022)!;

        Assert.Equal(ActivityMethod.ConvertedProduct, e.Method);
        Assert.Equal(Confidence.Medium, e.Confidence);
        Assert.Equal(25 * 50_000, e.OreT, 6);
        Assert.Equal(25, e.Factor!.Value, 12);
        Assert.Equal(PoolLevel.National, e.PoolLevel);
        Assert.Equal(50_000 * Math.Sqrt(50), e.UncertaintyT!.Value, 6); // sample sd of {20, 30} = √50
        Assert.Equal("concentrate", e.Product);
    }

    [Fact]
    public void ConversionFactor_FallsBackToTheRegion_AndUsesFileObservations()
    {
        var chile = Mine("cl", "CHL");
        var factors = new[]
        {
            new ConversionFactorObservation(Commodity.Copper, "cathode", "PER", 110, "report"),
            new ConversionFactorObservation(Commodity.Copper, "cathode", "ARG", 130, null),
            new ConversionFactorObservation(Commodity.Copper, "cathode", "ZAF", 999, null),
        };
        var e = Estimator([chile], [Product("cl", 2022, "cathode", 1000)], factors: factors).Estimate(chile, 2022)!;
        Assert.Equal(PoolLevel.Regional, e.PoolLevel);
        Assert.Equal(120_000, e.OreT, 6);
        Assert.Equal(Confidence.Medium, e.Confidence);
    }

    [Fact]
    public void YearWithoutReport_UsesAreaTimesTheAssetsOwnMeanTonnesPerSquareMetre_Medium()
    {
        var a = Mine("a", c: Commodity.Iron);
        var areas = new[] { new MinedArea("a", 2020, 1e6), new MinedArea("a", 2021, 2e6), new MinedArea("a", 2022, 1.5e6) };
        var e = Estimator([a], [Ore("a", 2020, 3e6), Ore("a", 2021, 8e6)], areas).Estimate(a, 2022)!;
        Assert.Equal(ActivityMethod.InsarOwnTonnesPerSquareMetre, e.Method);
        Assert.Equal(Confidence.Medium, e.Confidence);
        Assert.Equal(1.5e6 * 3.5, e.OreT, 6);
        Assert.Equal(1.5e6 * Math.Sqrt(0.5), e.UncertaintyT!.Value, 6); // sd of {3, 4}
    }

    [Fact]
    public void AnAreaWithAClassificationUncertainty_CarriesItIntoTheOre_AsAProductOfIndependentQuantities()
    {
        // Area 1.5e6 ± 1e5 m² × own t/m² 3.5 ± √0.5: σ = √(A²σF² + F²σA² + σA²σF²)
        // = √(2.25e12 × 0.5 + 12.25 × 1e10 + 1e10 × 0.5) = √(1.125e12 + 1.225e11 + 5e9) = √1.2525e12.
        var a = Mine("a", c: Commodity.Iron);
        var areas = new[] { new MinedArea("a", 2020, 1e6), new MinedArea("a", 2021, 2e6), new MinedArea("a", 2022, 1.5e6, 1e5) };
        var e = Estimator([a], [Ore("a", 2020, 3e6), Ore("a", 2021, 8e6)], areas).Estimate(a, 2022)!;
        Assert.Equal(Math.Sqrt(1.2525e12), e.UncertaintyT!.Value, 3);
        Assert.Equal(Confidence.Medium, e.Confidence); // ± 6.7 % of the area
        Assert.Equal((1.5e6, 1e5), (e.AreaM2!.Value, e.AreaUncertaintyM2!.Value));
    }

    [Fact]
    public void AnAreaMoreThanAQuarterUncertain_LowersTheInsarActivityToLow()
    {
        var a = Mine("a", c: Commodity.Iron);
        var areas = new[] { new MinedArea("a", 2020, 1e6), new MinedArea("a", 2021, 2e6), new MinedArea("a", 2022, 1e6, 2.6e5) };
        var e = Estimator([a], [Ore("a", 2020, 3e6), Ore("a", 2021, 8e6)], areas).Estimate(a, 2022)!;
        Assert.Equal(Confidence.Low, e.Confidence);
        var certain = Estimator([a], [Ore("a", 2020, 3e6), Ore("a", 2021, 8e6)], [.. areas[..2], new MinedArea("a", 2022, 1e6, 2.5e5)]).Estimate(a, 2022)!;
        Assert.Equal(Confidence.Medium, certain.Confidence); // exactly a quarter is still medium
    }

    [Fact]
    public void WithoutAreaOrProduct_ThePreviousYearsOreIsCarried_Medium()
    {
        var a = Mine("a");
        var e = Estimator([a], [Ore("a", 2019, 1e6), Ore("a", 2020, 2e6)]).Estimate(a, 2022)!;
        Assert.Equal((ActivityMethod.PreviousYearOre, Confidence.Medium, 2e6, 2020), (e.Method, e.Confidence, e.OreT, e.SourceYear));
        Assert.Equal(0, e.UncertaintyT);
    }

    [Fact]
    public void MineWithoutAnyReportedProduction_GetsAPooledTonnesPerSquareMetre_National_Medium()
    {
        var (a, b, c) = (Mine("a", c: Commodity.Iron), Mine("b", c: Commodity.Iron), Mine("new", c: Commodity.Iron));
        var areas = new[] { new MinedArea("a", 2022, 1e6), new MinedArea("b", 2022, 1e6), new MinedArea("new", 2022, 2e6) };
        var estimator = Estimator([a, b, c], [Ore("a", 2022, 3e6), Ore("b", 2022, 5e6)], areas);
        var e = estimator.Estimate(c, 2022)!;

        Assert.Equal(ActivityMethod.InsarPooledTonnesPerSquareMetre, e.Method);
        Assert.Equal(Confidence.Medium, e.Confidence); // Table S2: InSAR-derived value
        Assert.Equal(PoolLevel.National, e.PoolLevel);
        Assert.Equal(2, e.PoolSize);
        Assert.Equal(2e6 * 4, e.OreT, 6);
        Assert.Equal(2e6 * Math.Sqrt(2), e.UncertaintyT!.Value, 6);
    }

    [Fact]
    public void PooledTonnesPerSquareMetre_IsRegionalThenGlobal_AndOneMemberPoolsHaveNoStdDev()
    {
        var (a, per, zaf) = (Mine("a", "CHL", Commodity.Iron), Mine("per", "PER", Commodity.Iron), Mine("zaf", "ZAF", Commodity.Iron));
        var areas = new[] { new MinedArea("a", 2022, 1e6), new MinedArea("per", 2022, 1e6), new MinedArea("zaf", 2022, 1e6) };
        var estimator = Estimator([a, per, zaf], [Ore("a", 2022, 3e6)], areas);

        var regional = estimator.Estimate(per, 2022)!;
        Assert.Equal(PoolLevel.Regional, regional.PoolLevel);
        Assert.Null(regional.UncertaintyT);
        Assert.Equal(PoolLevel.Global, estimator.Estimate(zaf, 2022)!.PoolLevel);
        Assert.Null(Estimator([zaf], [], areas).Estimate(zaf, 2022)); // no pool at all
    }

    [Fact]
    public void ProductReportedOnlyInAnEarlierYear_IsConvertedAndCarried_Low()
    {
        var (a, b) = (Mine("a"), Mine("b"));
        var production = new[] { Ore("a", 2021, 2e6), Product("a", 2021, "concentrate", 1e5), Product("b", 2020, "concentrate", 10_000) };
        var e = Estimator([a, b], production).Estimate(b, 2022)!;
        Assert.Equal((ActivityMethod.ConvertedPreviousYearProduct, Confidence.Low, 2020), (e.Method, e.Confidence, e.SourceYear));
        Assert.Equal(200_000, e.OreT, 6);
        Assert.Null(e.UncertaintyT); // one-member pool
    }

    [Fact]
    public void NothingKnown_GivesNoActivity() => Assert.Null(Estimator([Mine("a")], []).Estimate(Mine("a"), 2022));

    [Fact]
    public void SameYearProduct_BeatsAreaAndCarriedOre()
    {
        var (a, b) = (Mine("a"), Mine("b"));
        var production = new[] { Ore("a", 2021, 2e6), Product("a", 2021, "cathode", 1e4), Ore("b", 2021, 1e6), Product("b", 2022, "cathode", 5e3) };
        var e = Estimator([a, b], production, [new MinedArea("b", 2021, 1e5), new MinedArea("b", 2022, 1e5)]).Estimate(b, 2022)!;
        Assert.Equal(ActivityMethod.ConvertedProduct, e.Method);
        Assert.Equal(1e6, e.OreT, 6);
    }
}
