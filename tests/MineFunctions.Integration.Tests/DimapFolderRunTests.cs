using System.Globalization;
using MineFunctions.Cli.Demo;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// `mine run` on an asset folder whose pairs are SNAP BEAM-DIMAP coherence products as SNAP saves them:
/// <c>pairs/&lt;product&gt;.dim</c> plus <c>pairs/&lt;product&gt;.data/</c> with the coherence band as a big-endian
/// ENVI <c>.img</c>/<c>.hdr</c> (<see cref="SnapDimapWriter"/>), an intensity band and vector data beside it;
/// one band named without dates (they come from the .dim), one pair beyond |Bperp| ≤ 250 m by its .dim's
/// baseline, one .data folder whose .dim is missing.
/// </summary>
public sealed class DimapFolderRunTests
{
    private const string Asset = "demo-iron-a";

    [Fact]
    public async Task ADimapFolder_RunsEndToEnd_WithEachPairsMetadataFromItsDim()
    {
        var input = Directory.CreateTempSubdirectory("dimap-input").FullName;
        var output = Directory.CreateTempSubdirectory("dimap-output").FullName;
        await DemoSample.Create(1, 64).WriteFolderAsync(input, TextWriter.Null, CancellationToken.None);
        var pairsDir = Path.Combine(input, Asset, "pairs");

        // Every other pair is enough to run the workflow (≈ 11 a year) and halves the test's cost on a loaded machine.
        var files = Directory.GetFiles(pairsDir, "*_corr.tif").Order(StringComparer.Ordinal).ToList();
        foreach (var dropped in files.Where((_, i) => i % 2 == 1)) File.Delete(dropped);
        var pairs = new List<(DateOnly Ref, DateOnly Sec, string Product, string Band)>();
        foreach (var file in files.Where((_, i) => i % 2 == 0))
        {
            var parts = Path.GetFileNameWithoutExtension(file).Split('_');
            var (reference, secondary) = (Date(parts[^3]), Date(parts[^2]));
            var i = pairs.Count;
            var product = string.Create(CultureInfo.InvariantCulture, $"{reference:yyyyMMdd}_{secondary:yyyyMMdd}_coh_tc");
            var band = i == NamelessBand ? "coh_IW2_VV" : string.Create(CultureInfo.InvariantCulture, $"coh_IW2_VV_{reference:ddMMMyyyy}_{secondary:ddMMMyyyy}");
            float[] pixels;
            GridSpec grid;
            using (var raster = GdalRaster.Open(file))
                (pixels, grid) = (raster.ReadFloat32(), raster.Grid);
            File.Delete(file);
            List<DimapTestBand> bands = [new(band, pixels)];
            if (i == 0) bands.Insert(0, new DimapTestBand($"Intensity_IW2_VV_{reference:ddMMMyyyy}", pixels.Select(p => p * 50).ToArray()));
            var dim = SnapDimapWriter.Write(pairsDir, product, grid.Width, grid.Height, bands, grid.GeoTransform, grid.CrsWkt, reference, secondary, Bperp(i, reference, secondary));
            if (i == 0) File.WriteAllText(Path.Combine(pairsDir, product + ".data", "vector_data", "pins.csv").EnsureFolder(), "org.esa.snap.Pin\n");
            if (i == NoDim) File.Delete(dim);
            pairs.Add((reference, secondary, product, band));
        }
        Assert.True(pairs.Count > 30, $"{pairs.Count} pairs kept");

        var (code, log) = await MineProcess.RunAsync("run", "--input", input, "--out", output, "--namespace", "d" + Guid.NewGuid().ToString("N")[..10]);

        Assert.True(code == 0, log);
        Assert.Matches(@"demo-iron-a\s+succeeded", log);
        var first = pairs[0];
        Assert.Contains($"warning: {Asset}/pairs/{first.Product}.data/Intensity_IW2_VV_{first.Ref.ToString("ddMMMyyyy", CultureInfo.InvariantCulture)}.img: skipped, a band of a SNAP product that is not coherence", log);
        Assert.Contains($"warning: {Asset}/pairs/{first.Product}.data/vector_data/pins.csv: skipped", log);

        var report = await File.ReadAllLinesAsync(Path.Combine(output, Asset, "inputs.csv"));
        var noDim = pairs[NoDim];
        Assert.Contains(report, l => l == $"pairs/{noDim.Product}.data/{noDim.Band}.img,excluded,no {noDim.Product}.dim beside its .data folder (a SNAP BEAM-DIMAP product is the .dim and its .data/)");
        Assert.Contains(report, l => l == $"{pairs[Far].Band}.img,excluded,|Bperp| 300 m exceeds 250 m");

        var rows = (await File.ReadAllLinesAsync(Path.Combine(output, Asset, "pairs.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(pairs.Count - 1, rows.Count); // every pair but the one without its .dim
        var accepted = 0;
        for (var i = 0; i < pairs.Count; i++)
        {
            if (i == NoDim) continue;
            var (r, s, product, _) = pairs[i];
            var row = rows.Single(c => c[0] == r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) && c[1] == s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Assert.Equal(Bperp(i, r, s), double.Parse(row[^5], CultureInfo.InvariantCulture));
            Assert.Equal($"{product}.dim (SNAP BEAM-DIMAP)", row[^4]);
            if (i == Far)
            {
                Assert.StartsWith("excluded: |Bperp|", row[7]);
                continue;
            }
            Assert.Equal([product, "6x2", "20"], row[^3..]);
            if (row[6] == "yes") accepted++;
        }
        // The simulator rains on a few pairs; the rest are read, screened and accepted.
        Assert.True(accepted > pairs.Count * 3 / 4, $"{accepted} of {pairs.Count} pairs accepted");
    }

    private const int NamelessBand = 3;
    private const int NoDim = 7;
    private const int Far = 11;

    private static double Bperp(int index, DateOnly r, DateOnly s) => index == Far ? 300 : ((s.DayNumber % 11) * 3.5) - ((r.DayNumber % 11) * 3.5);

    private static DateOnly Date(string yyyymmdd) => DateOnly.ParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture);
}

internal static class PathExtensions
{
    /// <summary>Creates the file's folder and returns the path.</summary>
    public static string EnsureFolder(this string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
