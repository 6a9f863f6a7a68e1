using MineFunctions.Core.Contracts;
using MineFunctions.Core.Simulation;

namespace MineFunctions.Core.Tests.Simulation;

/// <summary>The simulator's uneven activity: exact shares of a year's clean pairs, per cell, and seasonal vegetation.</summary>
public sealed class SceneDisturbanceTests
{
    [Fact]
    public void ActiveGround_IsDisturbedInItsShareOfTheYearsCleanPairs_AndInactiveGroundInTheBackgroundShare()
    {
        var scene = new SceneSimulator(new SceneSettings { Width = 64, Height = 64, ActiveShare = 0.3, BackgroundDisturbance = 0.1 });
        var truth = new float[scene.Pixels];
        var year = scene.Settings.FirstYear;
        var clean = scene.Pairs.Where(p => p.Year == year && !p.WeatherHit).ToList();
        var disturbed = new int[scene.Pixels];
        foreach (var pair in clean)
        {
            scene.FillTrueCoherence(pair.Index, truth);
            for (var i = 0; i < truth.Length; i++) if (truth[i] == (float)scene.Settings.ActiveMineCoherence) disturbed[i]++;
        }
        // round(0.3 × clean) and round(0.1 × clean) pairs exactly, for every mine pixel (by its year-1 bit).
        int active = (int)Math.Round(0.3 * clean.Count, MidpointRounding.AwayFromZero), background = (int)Math.Round(0.1 * clean.Count, MidpointRounding.AwayFromZero);
        for (var i = 0; i < scene.Pixels; i++)
        {
            if (scene.TrueClass[i] == 255) continue;
            Assert.Equal(((ColourClass)scene.TrueClass[i]).IsActiveInYear(0) ? active : background, disturbed[i]);
        }
    }

    [Fact]
    public void SeasonalVegetation_DecorrelatesInTheWetSeasonOnly()
    {
        var scene = new SceneSimulator(new SceneSettings { Width = 64, Height = 64, VegetationDryCoherence = 0.85, WeatherDatesPerYear = 0 });
        var truth = new float[scene.Pixels];
        var vegetation = scene.Cover.ToArray().ToList().IndexOf((byte)LandCover.Vegetation);
        foreach (var pair in scene.Pairs.Take(40))
        {
            scene.FillTrueCoherence(pair.Index, truth);
            var mid = pair.ReferenceDate.AddDays((pair.SecondaryDate.DayNumber - pair.ReferenceDate.DayNumber) / 2);
            Assert.Equal(mid.Month is 11 or 12 or 1 or 2 or 3 ? 0.3f : 0.85f, truth[vegetation], 6);
        }
    }

    [Fact]
    public void DefaultScenes_AreActiveInEveryPairOfTheirActiveYears()
    {
        var scene = new SceneSimulator(new SceneSettings { Width = 64, Height = 64 });
        var truth = new float[scene.Pixels];
        var red = scene.TrueClass.ToArray().ToList().IndexOf((byte)ColourClass.Red);
        foreach (var pair in scene.Pairs.Where(p => p.Year == scene.Settings.FirstYear))
        {
            scene.FillTrueCoherence(pair.Index, truth);
            Assert.Equal((float)(scene.Settings.ActiveMineCoherence * (pair.WeatherHit ? scene.Settings.WeatherFactor : 1)), truth[red], 6);
        }
    }
}
