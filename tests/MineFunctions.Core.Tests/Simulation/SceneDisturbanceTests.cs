using MineFunctions.Core.Contracts;
using MineFunctions.Core.Simulation;

namespace MineFunctions.Core.Tests.Simulation;

/// <summary>
/// The simulator's dimensions (METHOD.md §3.1): exact shares of a year's clean pairs per cell, seasonal
/// vegetation, the revisit (pairs per year) and speckle correlated in range (fewer looks than the window).
/// </summary>
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

    [Fact]
    public void A24DayRevisit_Gives15PairsAYear_Each24DaysLong()
    {
        // By hand: acquisitions from 2020-01-03 every 24 days to 2022-12-31 are 46 dates, 45 pairs; by
        // mid-date (start + 12 days) 15 fall in each of 2020, 2021 and 2022. One weather date a year, never
        // at either end nor next to another, hits 2 pairs each: 6 of the 45.
        var scene = new SceneSimulator(new SceneSettings { Width = 32, Height = 32, RevisitDays = 24 });

        Assert.Equal(46, scene.Dates.Count);
        Assert.All(scene.Pairs, p => Assert.Equal(24, p.SecondaryDate.DayNumber - p.ReferenceDate.DayNumber));
        Assert.Equal([15, 15, 15], scene.YearList.Select(y => scene.Pairs.Count(p => p.Year == y)));
        Assert.Equal(6, scene.Pairs.Count(p => p.WeatherHit));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    public void SpeckleCorrelation_CorrelatesNeighbouringRangeSamples_AndNotAzimuthOnes(double rho)
    {
        // s'[x] = (s[x] + a s[x-1])/sqrt(1 + a^2) correlates range neighbours by a/(1 + a^2) = rho while each
        // sample keeps its power; azimuth neighbours stay independent. The real part of the complex correlation
        // over one 256 x 256 image has a sampling error of about sqrt(0.5/65280) = 0.003: 0.015 is five of them,
        // and still tells rho = 0.3 from a filter that took a = rho (which correlates by 0.3/1.09 = 0.275).
        var scene = new SceneSimulator(new SceneSettings { Width = 256, Height = 256, SpeckleCorrelation = rho });
        var reference = new float[2 * scene.Pixels];
        var secondary = new float[2 * scene.Pixels];
        scene.FillSlc(5, reference, secondary);

        Assert.InRange(LagCorrelation(reference, scene.Width, scene.Height, dx: 1, dy: 0), rho - 0.015, rho + 0.015);
        Assert.InRange(LagCorrelation(reference, scene.Width, scene.Height, dx: 0, dy: 1), -0.015, 0.015);
        Assert.InRange(LagCorrelation(secondary, scene.Width, scene.Height, dx: 1, dy: 0), rho - 0.015, rho + 0.015);
    }

    /// <summary>Real part of the normalised complex correlation of an interleaved complex image with itself shifted by (dx, dy).</summary>
    private static double LagCorrelation(float[] slc, int width, int height, int dx, int dy)
    {
        double cross = 0, power0 = 0, power1 = 0;
        for (var y = dy; y < height; y++)
        for (var x = dx; x < width; x++)
        {
            int i = y * width + x, j = (y - dy) * width + (x - dx);
            double ar = slc[2 * i], ai = slc[2 * i + 1], br = slc[2 * j], bi = slc[2 * j + 1];
            cross += ar * br + ai * bi; // Re(s_i conj s_j)
            power0 += ar * ar + ai * ai;
            power1 += br * br + bi * bi;
        }
        return cross / Math.Sqrt(power0 * power1);
    }
}
