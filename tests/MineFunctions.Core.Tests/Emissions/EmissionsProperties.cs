using CsCheck;
using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Emissions;

public sealed class EmissionsProperties
{
    private static readonly Asset Mine = new("m", "M", Commodity.Iron, "BRA", 0, 0, null);
    private static readonly Gen<Confidence> Conf = Gen.Enum<Confidence>();

    [Fact]
    public void ProductUncertainty_IsSymmetric_AndAtLeastEachFirstOrderTerm()
    {
        Gen.Select(Gen.Double[0, 1e8], Gen.Double[0, 1e7], Gen.Double[0, 0.1], Gen.Double[0, 0.05]).Sample(t =>
        {
            var (a, sa, f, sf) = t;
            var u = ProductUncertainty.Of(a, sa, f, sf)!.Value;
            Assert.Equal(u, ProductUncertainty.Of(f, sf, a, sa)!.Value, 1e-9 * Math.Max(1, u));
            Assert.True(u >= a * sf * (1 - 1e-12) && u >= f * sa * (1 - 1e-12) && u >= sa * sf * (1 - 1e-12));
        });
    }

    [Theory]
    [InlineData(14563890, 377E-98, 757E-85, 0)] // f·σA = 3e-178: its square underflows
    [InlineData(0, 7672E-77, 0, 9537E-96)]
    [InlineData(1e200, 1e200, 1e-3, 1e-4)]       // a·σF = 1e196: its square overflows
    public void ProductUncertainty_NeitherUnderflowsNorOverflows_AtExtremeMagnitudes(double a, double sa, double f, double sf)
    {
        var u = ProductUncertainty.Of(a, sa, f, sf)!.Value;
        Assert.True(double.IsFinite(u));
        Assert.True(u >= a * sf * (1 - 1e-12) && u >= f * sa * (1 - 1e-12) && u >= sa * sf * (1 - 1e-12), $"{u}");
    }

    [Fact]
    public void EmissionsConfidence_IsAlwaysTheLowerOfActivityAndFactor()
    {
        Gen.Select(Conf, Conf, Gen.Double[1, 1e8], Gen.Double[1e-4, 0.1]).Sample(t =>
        {
            var (ca, cf, ore, ef) = t;
            var e = EmissionsEstimator.Combine(Mine, 2022,
                new ActivityEstimate(ore, ca, 0, ActivityMethod.ReportedOre, 2022),
                new EmissionFactorEstimate(ef, cf, 0, EmissionFactorSource.AssetReport, 1));
            Assert.Equal((Confidence)Math.Min((int)ca, (int)cf), e.Co2Confidence);
            Assert.Equal(ore * ef, e.Co2T!.Value, 1e-9 * ore * ef);
        });
    }
}
