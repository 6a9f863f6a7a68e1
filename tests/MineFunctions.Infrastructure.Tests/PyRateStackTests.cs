using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>
/// The 30 real GAMMA/PyRate coherence rasters of Mexico City (../shared/data/real/pyrate-cropA-mexico-city).
/// PyRate's coh_std is the population standard deviation (ddof = 0, numpy's nanstd default): it matches the
/// stack to ~2e-8, while the sample std (ddof = 1) differs by up to 1.3e-2. PyRate works in float32, we
/// accumulate in double: the mean agrees to ~2.3e-7. Tolerance used: 1e-5 absolute for both.
/// </summary>
public sealed class PyRateStackTests
{
    private const double Tolerance = 1e-5;
    private const string Name = "pyrate-cropA-mexico-city";
    private static string Folder => SharedData.Real(Name);

    private static string[] Rasters => Directory.GetFiles(Folder, "cropA_*_cc.tif").OrderBy(f => f, StringComparer.Ordinal).ToArray();

    [SharedDataFact("data", "real", Name)]
    public void All30Rasters_Load_OnOneGrid_WithDatesFromNamesAgreeingWithTags()
    {
        var files = Rasters;
        Assert.Equal(30, files.Length);
        var pairs = new HashSet<(DateOnly, DateOnly)>();
        GridSpec? first = null;
        foreach (var f in files)
        {
            using var raster = GdalRaster.Open(f);
            var info = raster.Info;
            Assert.Equal((100, 60, RasterDataType.Float32, 4326), (info.Width, info.Height, info.DataType, info.Epsg));
            Assert.Equal(0, info.NoData);
            var fromName = PairDateParser.FromFileName(f)!;
            var fromTags = PairDateParser.FromTags(info.Metadata)!;
            Assert.Equal((fromName.Reference, fromName.Secondary), (fromTags.Reference, fromTags.Secondary));
            Assert.Equal(PairDateSource.FileName, PairDateParser.Resolve(f, info.Metadata).Source);
            Assert.InRange(fromName.TemporalBaselineDays, 12, 132);
            pairs.Add((fromName.Reference, fromName.Secondary));
            if (first is null) first = raster.Grid;
            else GridCheck.EnsureSameGrid(first, files[0], raster.Grid, f);
        }
        Assert.Equal(30, pairs.Count);
    }

    [SharedDataFact("data", "real", Name)]
    public void NoDataZero_IsReadAsNaN_AndNoZeroRemains()
    {
        var nanCount = 0;
        foreach (var f in Rasters)
        {
            using var raster = GdalRaster.Open(f);
            var v = raster.ReadFloat32();
            Assert.DoesNotContain(0f, v);
            nanCount += v.Count(float.IsNaN);
        }
        Assert.True(nanCount > 1000, $"{nanCount} nodata pixels over the stack"); // GAMMA leaves ~3300 zero pixels in this crop
    }

    [SharedDataFact("data", "real", Name)]
    public void StreamedPerPixelMeanAndPopulationStd_MatchPyRatesCoherenceStats()
    {
        // Welford's online update, one raster in memory at a time (streaming over the stack).
        const int n = 100 * 60;
        var count = new int[n];
        var mean = new double[n];
        var m2 = new double[n];
        foreach (var f in Rasters)
        {
            using var raster = GdalRaster.Open(f);
            var v = raster.ReadFloat32();
            for (var i = 0; i < n; i++)
            {
                if (float.IsNaN(v[i])) continue;
                count[i]++;
                var d = v[i] - mean[i];
                mean[i] += d / count[i];
                m2[i] += d * (v[i] - mean[i]);
            }
        }
        using var meanTif = GdalRaster.Open(Path.Combine(Folder, "coherence_stats", "coh_mean.tif"));
        using var stdTif = GdalRaster.Open(Path.Combine(Folder, "coherence_stats", "coh_std.tif"));
        var expectedMean = meanTif.ReadFloat32();
        var expectedStd = stdTif.ReadFloat32();
        var compared = 0;
        var maxSampleStdDiff = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (count[i] == 0)
            {
                Assert.True(float.IsNaN(expectedMean[i]), $"pixel {i}: no valid sample but PyRate mean {expectedMean[i]}");
                continue;
            }
            Assert.Equal(expectedMean[i], mean[i], Tolerance);
            var populationStd = Math.Sqrt(m2[i] / count[i]);
            Assert.Equal(expectedStd[i], populationStd, Tolerance);
            if (count[i] > 1) maxSampleStdDiff = Math.Max(maxSampleStdDiff, Math.Abs(Math.Sqrt(m2[i] / (count[i] - 1)) - expectedStd[i]));
            compared++;
        }
        Assert.True(compared > 5800, $"{compared} pixels compared");
        Assert.True(maxSampleStdDiff > 1e-3, "the sample std would not match: PyRate's std is the population std");
    }
}
