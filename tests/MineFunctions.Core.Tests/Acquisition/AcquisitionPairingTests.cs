using System.Globalization;
using MineFunctions.Core.Acquisition;

namespace MineFunctions.Core.Tests.Acquisition;

/// <summary>Pair formation (METHOD.md §1.1) on hand-built stacks and on the real asf_search stacks in shared/data/real/asf-search.</summary>
public sealed class AcquisitionPairingTests
{
    private static readonly DateTimeOffset Day0 = new(2021, 1, 2, 3, 20, 31, TimeSpan.Zero);

    private static SceneAcquisition Scene(int day, double? bperp, string stack = "94_100_IW1", int track = 94, string pol = "VV", string dir = "ASCENDING") =>
        new($"{stack}_{day:000}_{pol}", Day0.AddDays(day), track, dir, pol, stack, bperp);

    private static string Days(AcquisitionPair p) => $"{(p.Reference.Date.DayNumber - DateOnly.FromDateTime(Day0.UtcDateTime).DayNumber)}-{(p.Secondary.Date.DayNumber - DateOnly.FromDateTime(Day0.UtcDateTime).DayNumber)}";

    [Fact]
    public void EveryScenePairsWithTheOneTwelveDaysLater_AndTheLastHasNoPartner()
    {
        var plan = AcquisitionPairing.Form([Scene(0, 0), Scene(12, 10), Scene(24, 20), Scene(36, 30)], new AcquisitionPairingRules());
        Assert.Equal(["0-12", "12-24", "24-36"], plan.Pairs.Select(Days));
        Assert.All(plan.Pairs, p => Assert.Equal(10, p.PerpendicularBaselineM));
        var last = Assert.Single(plan.Skipped);
        Assert.Equal("94_100_IW1_036_VV", last.Subject);
        Assert.Contains("no acquisition 12 d later", last.Reason);
        Assert.Contains("no acquisition 24 d later", last.Reason);
    }

    [Fact]
    public void TwentyFourDays_OnlyWhereTheTwelveDayPartnerIsMissing()
    {
        // Day 12 missing: 0 pairs with 24; 24 with 36 (12 d) and never also with 48.
        var plan = AcquisitionPairing.Form([Scene(0, 0), Scene(24, 5), Scene(36, 9), Scene(48, 12)], new AcquisitionPairingRules());
        Assert.Equal(["0-24", "24-36", "36-48"], plan.Pairs.Select(Days));
        Assert.Equal(24, plan.Pairs[0].TemporalBaselineDays);
    }

    [Fact]
    public void ATwelveDayPartnerOverTheBaselineLimit_FallsBackToTwentyFourDays()
    {
        // 0 → 12: |300 − 0| = 300 > 250, so 0 → 24: |100 − 0| = 100. 12 → 24: |100 − 300| = 200.
        var plan = AcquisitionPairing.Form([Scene(0, 0), Scene(12, 300), Scene(24, 100)], new AcquisitionPairingRules());
        Assert.Equal(["0-24", "12-24"], plan.Pairs.Select(Days));
        Assert.Equal(100, plan.Pairs[0].PerpendicularBaselineM);
        Assert.Equal(-200, plan.Pairs[1].PerpendicularBaselineM);
    }

    [Fact]
    public void ExactlyTheLimit_IsKept_AndJustOverIsNot()
    {
        var kept = AcquisitionPairing.Form([Scene(0, -100), Scene(12, 150)], new AcquisitionPairingRules());
        Assert.Single(kept.Pairs);
        var over = AcquisitionPairing.Form([Scene(0, -100), Scene(12, 150.5)], new AcquisitionPairingRules());
        Assert.Empty(over.Pairs);
        Assert.Contains("|Bperp| 250.5 m > 250 m", over.Skipped[0].Reason);
    }

    [Fact]
    public void UnknownBaselines_AreKept_WithAnUnknownPairBaseline()
    {
        var plan = AcquisitionPairing.Form([Scene(0, null), Scene(12, 40)], new AcquisitionPairingRules());
        Assert.Null(Assert.Single(plan.Pairs).PerpendicularBaselineM);
    }

    [Fact]
    public void OnlyScenesOfOneStackTrackDirectionAndPolarisation_Pair()
    {
        var plan = AcquisitionPairing.Form(
        [
            Scene(0, 0), Scene(12, 0, stack: "94_101_IW1"), Scene(12, 0, track: 95), Scene(12, 0, dir: "DESCENDING"), Scene(12, 0, pol: "VH"),
        ], new AcquisitionPairingRules());
        Assert.Empty(plan.Pairs);
        Assert.Contains(plan.Skipped, s => s.Subject == "94_100_IW1_012_VH" && s.Reason.Contains("does not carry VV"));
        Assert.Equal(5, plan.Skipped.Count);
    }

    [Fact]
    public void DualPolarisationSlcs_CarryVv()
    {
        var plan = AcquisitionPairing.Form([Scene(0, 0, pol: "VV+VH"), Scene(12, 5, pol: "VV+VH")], new AcquisitionPairingRules());
        var pair = Assert.Single(plan.Pairs);
        Assert.Equal("94_100_IW1_20210102_20210114_VV", pair.Key);
    }

    [Fact]
    public void ASecondSceneOnTheSameDate_IsReported_AndTheFirstByNameKept()
    {
        var dup = new SceneAcquisition("zz-reprocessed", Day0.AddHours(1), 94, "ASCENDING", "VV", "94_100_IW1", 0);
        var plan = AcquisitionPairing.Form([dup, Scene(0, 0), Scene(12, 0)], new AcquisitionPairingRules());
        Assert.Equal("94_100_IW1_000_VV", Assert.Single(plan.Pairs).Reference.SceneName);
        Assert.Contains(plan.Skipped, s => s.Subject == "zz-reprocessed" && s.Reason.Contains("was kept"));
    }

    [Fact]
    public void ProcessedPairs_AndPairsEndingBeforeSince_AreSkippedWithTheirReason()
    {
        var d0 = DateOnly.FromDateTime(Day0.UtcDateTime);
        var processed = new HashSet<(DateOnly, DateOnly)> { (d0.AddDays(12), d0.AddDays(24)) };
        var plan = AcquisitionPairing.Form([Scene(0, 0), Scene(12, 0), Scene(24, 0), Scene(36, 0)], new AcquisitionPairingRules(), processed, since: d0.AddDays(13));
        Assert.Equal(["24-36"], plan.Pairs.Select(Days));
        Assert.Contains(plan.Skipped, s => s.Subject == "94_100_IW1_20210102_20210114_VV" && s.Reason.Contains("before 2021-01-15"));
        Assert.Contains(plan.Skipped, s => s.Subject == "94_100_IW1_20210114_20210126_VV" && s.Reason.Contains("already processed"));
    }

    [Fact]
    public void BadRules_AreRefused()
    {
        Assert.Throws<ArgumentException>(() => AcquisitionPairing.Form([], new AcquisitionPairingRules { TemporalBaselinesDays = [] }));
        Assert.Throws<ArgumentException>(() => AcquisitionPairing.Form([], new AcquisitionPairingRules { MaxPerpendicularBaselineM = double.NaN }));
        Assert.Throws<ArgumentException>(() => AcquisitionPairing.Form([], new AcquisitionPairingRules { Polarisation = "XX" }));
    }

    /// <summary>The three-scene S1B SLC stack over Fairbanks (0/12/24 d, Bperp 0/37/40 m, VV+VH): pairs 0–12 (37 m) and 12–24 (3 m).</summary>
    [SharedDataFact("data", "real", "asf-search", "Fairbanks_S1_stack_baselines.csv")]
    public void RealFairbanksStack_GivesTwoTwelveDayPairs()
    {
        var scenes = ReadStack("Fairbanks_S1_stack_baselines.csv", frameStack: true);
        var plan = AcquisitionPairing.Form(scenes, new AcquisitionPairingRules());
        Assert.Equal(2, plan.Pairs.Count);
        Assert.Equal(new DateOnly(2021, 1, 2), plan.Pairs[0].Reference.Date);
        Assert.Equal(new DateOnly(2021, 1, 14), plan.Pairs[0].Secondary.Date);
        Assert.Equal(37, plan.Pairs[0].PerpendicularBaselineM);
        Assert.Equal(3, plan.Pairs[1].PerpendicularBaselineM);
        Assert.Equal("S1B_IW_SLC__1SDV_20210126T032030_20210126T032057_025320_0303F3_7BE5", Assert.Single(plan.Skipped).Subject);
    }

    /// <summary>
    /// The 166-burst stack of 174_372326_IW3 (2014–2022): 24-day revisits before Sentinel-1B, 12-day after,
    /// gaps. Checked against the rules read straight off the CSV, and on pairs worked out by hand.
    /// </summary>
    [SharedDataFact("data", "real", "asf-search", "SLC_BURST_stack_baselines.csv")]
    public void RealBurstStack_FollowsTheRules()
    {
        var scenes = ReadStack("SLC_BURST_stack_baselines.csv", frameStack: false);
        Assert.Equal(166, scenes.Count);
        var byDate = scenes.ToDictionary(s => s.Date);
        var plan = AcquisitionPairing.Form(scenes, new AcquisitionPairingRules());

        Assert.Equal(166, plan.Pairs.Count + plan.Skipped.Count);
        foreach (var p in plan.Pairs)
        {
            Assert.Contains(p.TemporalBaselineDays, new[] { 12, 24 });
            Assert.True(Math.Abs(p.PerpendicularBaselineM!.Value) <= 250, p.Key);
            if (p.TemporalBaselineDays == 24) Assert.False(byDate.ContainsKey(p.Reference.Date.AddDays(12)), $"{p.Key}: a 12-day partner exists");
        }
        foreach (var s in plan.Skipped)
        {
            var scene = scenes.Single(x => x.SceneName == s.Subject);
            Assert.False(byDate.ContainsKey(scene.Date.AddDays(12)) || byDate.ContainsKey(scene.Date.AddDays(24)), s.Subject);
        }

        AcquisitionPair At(int y, int m, int d) => plan.Pairs.Single(p => p.Reference.Date == new DateOnly(y, m, d));
        Assert.Equal((24, 54.0), (At(2014, 10, 17).TemporalBaselineDays, At(2014, 10, 17).PerpendicularBaselineM!.Value)); // 73 − 19
        Assert.Equal(-250, At(2015, 6, 14).PerpendicularBaselineM);                                                            // −101 − 149: on the limit, kept
        Assert.Equal((12, 68.0), (At(2017, 3, 5).TemporalBaselineDays, At(2017, 3, 5).PerpendicularBaselineM!.Value));     // 11 − (−57)
        Assert.Contains(plan.Skipped, s => s.Subject.Contains("20151223"));                                                  // next scene 2016-03-04
        Assert.Contains(plan.Skipped, s => s.Subject.Contains("20161229"));                                                  // next scene 2017-02-15
        Assert.All(plan.Pairs, p => Assert.StartsWith("174_372326_IW3_", p.Key));
    }

    /// <summary>Reads the flattened asf_search stacks (sceneName, fileID, startTime, pathNumber, flightDirection, polarization, centerLat, centerLon, temporalBaseline, perpendicularBaseline).</summary>
    private static List<SceneAcquisition> ReadStack(string file, bool frameStack)
    {
        var lines = File.ReadAllLines(SharedData.Real("asf-search", file)).Where(l => !l.StartsWith('#')).ToList();
        var head = lines[0].Split(',').ToList();
        return lines.Skip(1).Select(l => l.Split(',')).Select(f =>
        {
            var name = f[head.IndexOf("sceneName")];
            var track = int.Parse(f[head.IndexOf("pathNumber")], CultureInfo.InvariantCulture);
            // Bursts: "S1_372326_IW3_..." → full burst id "174_372326_IW3"; SLC frames: the track alone suffices for this one-frame stack.
            var stack = frameStack ? $"{track}" : $"{track}_{name.Split('_')[1]}_{name.Split('_')[2]}";
            return new SceneAcquisition(name, DateTimeOffset.Parse(f[head.IndexOf("startTime")], CultureInfo.InvariantCulture), track,
                f[head.IndexOf("flightDirection")], f[head.IndexOf("polarization")], stack,
                double.Parse(f[head.IndexOf("perpendicularBaseline")], CultureInfo.InvariantCulture));
        }).ToList();
    }
}
