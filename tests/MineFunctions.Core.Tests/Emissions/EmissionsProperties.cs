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
