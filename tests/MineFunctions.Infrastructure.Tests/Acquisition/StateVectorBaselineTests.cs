using System.Text.Json;
using System.Text.Json.Nodes;
using MineFunctions.Core.Acquisition;
using MineFunctions.Infrastructure.Acquisition;
using MineFunctions.Testing.Acquisition;

namespace MineFunctions.Infrastructure.Tests.Acquisition;

/// <summary>
/// Bperp from state vectors against asf_search's own numbers: its recorded stacks carry both the
/// state vectors (feature.baseline) and the perpendicularBaseline it computed from them.
/// </summary>
public sealed class StateVectorBaselineTests
{
    /// <summary>The recorded features with their perpendicularBaseline removed, parsed as a plain search would return them.</summary>
    private static (IReadOnlyList<SceneAcquisition> Scenes, Dictionary<string, double> Recorded) WithoutBaselines(string file)
    {
        var features = RecordedAsfSearch.Features(file);
        var recorded = new Dictionary<string, double>();
        foreach (var f in features.OfType<JsonObject>())
        {
            var p = f["properties"]!.AsObject();
            recorded[p["sceneName"]!.GetValue<string>()] = p["perpendicularBaseline"]!.GetValue<double>();
            p.Remove("perpendicularBaseline");
        }
        using var doc = JsonDocument.Parse(new JsonObject { ["features"] = features.DeepClone() }.ToJsonString());
        return (AsfSearchClient.Parse(doc.RootElement), recorded);
    }

    [SharedDataTheory("data", "real", "asf-search", "SLC_BURST_stack.yml")]
    [InlineData("SLC_BURST_stack.yml", "S1_372326_IW3_20180815T151558_VV_6BD3-BURST", 166)]
    [InlineData("Fairbanks_S1_stack.yml", "S1B_IW_SLC__1SDV_20210102T032031_20210102T032058_024970_02F8C3_C081", 3)]
    public void EveryScenesBaseline_EqualsAsfSearchs(string file, string reference, int count)
    {
        var (scenes, recorded) = WithoutBaselines(file);
        Assert.Equal(count, scenes.Count);
        Assert.All(scenes, s => Assert.Null(s.PerpendicularBaselineM));
        Assert.All(scenes, s => Assert.NotNull(s.Orbit));
        var refOrbit = scenes.Single(s => s.SceneName == reference).Orbit!;
        Assert.Equal(0, recorded[reference]);
        foreach (var s in scenes) Assert.True(recorded[s.SceneName] == StateVectorBaseline.Relative(refOrbit, s.Orbit!), $"{s.SceneName}: asf_search {recorded[s.SceneName]} m, ours {StateVectorBaseline.Relative(refOrbit, s.Orbit!)} m");
    }

    [SharedDataFact("data", "real", "asf-search", "SLC_BURST_stack.yml")]
    public void AStackWithoutBaselines_IsFilledFromItsStateVectors_AndPairsAsWithAsfSearchsNumbers()
    {
        var (bare, recorded) = WithoutBaselines("SLC_BURST_stack.yml");
        var withRecorded = bare.Select(s => s with { PerpendicularBaselineM = recorded[s.SceneName] }).ToList();
        var expected = AcquisitionPairing.Form(withRecorded, new AcquisitionPairingRules());

        var filled = StateVectorBaseline.FillMissing(bare);
        Assert.All(filled, s => Assert.NotNull(s.PerpendicularBaselineM));
        var plan = AcquisitionPairing.Form(filled, new AcquisitionPairingRules());
        Assert.Equal(expected.Pairs.Select(p => p.Key), plan.Pairs.Select(p => p.Key));
        // Another reference (the middle scene instead of 2018-08-15) moves pair baselines by a few metres at most.
        foreach (var (a, b) in expected.Pairs.Zip(plan.Pairs)) Assert.InRange(Math.Abs(a.PerpendicularBaselineM!.Value - b.PerpendicularBaselineM!.Value), 0, 3);

        // A stack that has its baselines already is left alone.
        Assert.Equal(withRecorded.Select(s => s.PerpendicularBaselineM), StateVectorBaseline.FillMissing(withRecorded).Select(s => s.PerpendicularBaselineM));
    }
}
