using System.Globalization;
using System.IO.Compression;
using System.Text;
using MineFunctions.Cli.Demo;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// `mine run` on an asset folder whose pairs are laid out as HyP3 delivers them: each pair an
/// INSAR_GAMMA product named <c>S1AA_&lt;ref&gt;T…_&lt;sec&gt;T…_VVP012_INT80_G_ueF_&lt;id&gt;</c>, as the product
/// zip (a third of them) or unzipped into its folder, holding its <c>_corr.tif</c> beside the other
/// rasters and metadata files (file tables of the HyP3 InSAR product guide) and its parameter file
/// with the baseline; a Vertex SBAS pair list as pairs.csv that omits a quarter of the pairs (their
/// Bperp then comes from the product); and what users leave around: notes, .DS_Store, a symbolic
/// link, a second name for one pair.
/// </summary>
public sealed class Hyp3FolderRunTests
{
    private const string Asset = "demo-iron-a";

    [Fact]
    public async Task AHyP3Folder_RunsEndToEnd_ReportingWhatItSkipsExcludesAndWhereEachBperpCameFrom()
    {
        var input = Directory.CreateTempSubdirectory("hyp3-input").FullName;
        var output = Directory.CreateTempSubdirectory("hyp3-output").FullName;
        await DemoSample.Create(1, 64).WriteFolderAsync(input, TextWriter.Null, CancellationToken.None);
        var assetDir = Path.Combine(input, Asset);
        var pairsDir = Path.Combine(assetDir, "pairs");

        // Re-lay the simulated pairs as HyP3 product folders; the amplitude raster carries the same dates
        // and must not count as a second pair.
        var pairs = new List<(DateOnly Ref, DateOnly Sec, string Product)>();
        foreach (var file in Directory.GetFiles(pairsDir, "*_corr.tif").Order(StringComparer.Ordinal))
        {
            var parts = Path.GetFileNameWithoutExtension(file).Split('_');
            var (reference, secondary) = (Date(parts[^3]), Date(parts[^2]));
            var product = string.Create(CultureInfo.InvariantCulture,
                $"S1AA_{reference:yyyyMMdd}T004021_{secondary:yyyyMMdd}T004022_VVP{secondary.DayNumber - reference.DayNumber:000}_INT80_G_ueF_{pairs.Count:X4}");
            var folder = Directory.CreateDirectory(Path.Combine(pairsDir, product)).FullName;
            File.Move(file, Path.Combine(folder, product + "_corr.tif"));
            File.Copy(Path.Combine(folder, product + "_corr.tif"), Path.Combine(folder, product + "_amp.tif"));
            await File.WriteAllTextAsync(Path.Combine(folder, product + ".README.md.txt"), "ASF InSAR Data Package (GAMMA)\n");
            await File.WriteAllTextAsync(Path.Combine(folder, product + ".txt"), string.Create(CultureInfo.InvariantCulture,
                $"Reference Granule: S1A_IW_SLC__1SDV_{reference:yyyyMMdd}T004021\nBaseline: {ProductBperp(reference, secondary)}\nRange looks: 20\nAzimuth looks: 4\nResolution of output (m): 80\n"));
            await File.WriteAllTextAsync(Path.Combine(folder, product + "_corr.tif.xml"), "<metadata/>\n");
            await File.WriteAllTextAsync(Path.Combine(folder, product + "_color_phase.png.aux.xml"), "<PAMDataset/>\n");
            pairs.Add((reference, secondary, product));
        }
        Assert.True(pairs.Count > 60, $"{pairs.Count} pairs simulated");

        // One pair also exported by SNAP under its own name: same dates, so one of the two is kept.
        var (dupRef, dupSec, dupProduct) = pairs[5];
        var snapName = string.Create(CultureInfo.InvariantCulture, $"coh_IW2_VV_{dupRef:ddMMMyyyy}_{dupSec:ddMMMyyyy}.tif");
        File.Copy(Path.Combine(pairsDir, dupProduct, dupProduct + "_corr.tif"), Path.Combine(pairsDir, snapName));
        await File.WriteAllTextAsync(Path.Combine(assetDir, "My Notes.txt"), "downloaded from ASF\n");
        await File.WriteAllTextAsync(Path.Combine(pairsDir, ".DS_Store"), "\0");
        File.CreateSymbolicLink(Path.Combine(pairsDir, "linked_20990101_20990113_corr.tif"), Path.Combine(pairsDir, pairs[0].Product, pairs[0].Product + "_corr.tif"));

        // The Vertex SBAS pair list: scene baselines by date; the scene of pairs[10]'s secondary date sits
        // 400 m away, so the two pairs touching it break |Bperp| ≤ 250 m.
        var far = pairs[10].Sec;
        double Perp(DateOnly d) => d == far ? 400 : d.DayNumber % 7 * 10;
        string Scene(DateOnly d) => string.Create(CultureInfo.InvariantCulture, $"S1A_IW_SLC__1SDV_{d:yyyyMMdd}T004021_{d:yyyyMMdd}T004048_000000_000000_0000");
        var csv = new StringBuilder("Reference, Reference URL, Reference Perpendicular Baseline (meters),Secondary, Secondary URL, Secondary Perpendicular Baseline (meters),Pair Temporal Baseline (days)\n");
        foreach (var (r, s, _) in pairs.Where((_, i) => InCatalogue(i)))
            csv.Append(CultureInfo.InvariantCulture, $"{Scene(r)},https://datapool.asf.alaska.edu/SLC/SA/{Scene(r)}.zip,{Perp(r)},{Scene(s)},https://datapool.asf.alaska.edu/SLC/SA/{Scene(s)}.zip,{Perp(s)},{s.DayNumber - r.DayNumber}\n");
        await File.WriteAllTextAsync(Path.Combine(assetDir, "pairs.csv"), csv.ToString());

        // A third of the products stay zipped, as downloaded (the zip holds the product folder).
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!Zipped(i)) continue;
            var folder = Path.Combine(pairsDir, pairs[i].Product);
            ZipFile.CreateFromDirectory(folder, folder + ".zip", CompressionLevel.Fastest, includeBaseDirectory: true);
            Directory.Delete(folder, recursive: true);
        }

        var (code, log) = await MineProcess.RunAsync("run", "--input", input, "--out", output, "--namespace", "h" + Guid.NewGuid().ToString("N")[..10]);

        Assert.True(code == 0, log);
        Assert.Matches(@"demo-iron-a\s+succeeded", log);
        Assert.Contains($"warning: {Asset}/My Notes.txt: skipped", log);
        Assert.Contains($"warning: {Asset}/pairs/.DS_Store: skipped, hidden file", log);
        Assert.Contains($"warning: {Asset}/pairs/linked_20990101_20990113_corr.tif: a symbolic link", log);
        Assert.Contains($"warning: {Asset}/pairs/{pairs[0].Product}/{pairs[0].Product}_amp.tif: skipped, a product raster that is not coherence (_amp)", log);
        Assert.Contains($"{Asset}/pairs/{pairs[0].Product}/{pairs[0].Product}.README.md.txt: skipped", log);

        var report = await File.ReadAllLinesAsync(Path.Combine(output, Asset, "inputs.csv"));
        Assert.Equal("name,status,detail", report[0]);
        // Ordinal order puts the HyP3 name ('S') before the SNAP name ('c'): the SNAP copy is the duplicate.
        Assert.True(Zipped(5));
        Assert.Contains(report, l => l.StartsWith($"{snapName},duplicate,duplicate of {dupProduct}.zip", StringComparison.Ordinal));
        // Only pairs the catalogue lists take the 400 m scene's baseline; the others take their product's.
        var breakers = pairs.Where((p, i) => (p.Ref == far || p.Sec == far) && InCatalogue(i)).ToList();
        Assert.NotEmpty(breakers);
        foreach (var (r, s, product) in breakers)
        {
            var i = pairs.FindIndex(p => p.Product == product);
            var bperp = Math.Abs(InCatalogue(i) ? Perp(s) - Perp(r) : ProductBperp(r, s));
            var subject = Zipped(i) ? product + ".zip" : product + "_corr.tif";
            Assert.Contains(report, l => l == string.Create(CultureInfo.InvariantCulture, $"{subject},excluded,|Bperp| {bperp:0.#} m exceeds 250 m"));
        }

        // Split on commas: the columns read here never hold one (text fields are quoted only when
        // they need it, CsvText.Field), and the ones after the reason are indexed from the end.
        var rows = (await File.ReadAllLinesAsync(Path.Combine(output, Asset, "pairs.csv"))).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(pairs.Count, rows.Count); // every pair has a row: screened, or excluded with its numbers
        for (var i = 0; i < pairs.Count; i++)
        {
            var (r, s, product) = pairs[i];
            var row = rows.Single(c => c[0] == r.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) && c[1] == s.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            var excluded = breakers.Any(b => b.Ref == r && b.Sec == s);
            if (InCatalogue(i))
            {
                Assert.Equal(Perp(s) - Perp(r), double.Parse(row[^5], CultureInfo.InvariantCulture));
                Assert.Equal("pairs.csv (ASF Vertex SBAS)", row[^4]);
            }
            else
            {
                Assert.Equal(ProductBperp(r, s), double.Parse(row[^5], CultureInfo.InvariantCulture));
                Assert.Equal($"{product}.txt (HyP3 product)", row[^4]);
            }
            // Screened pairs carry the product's metadata; pairs excluded before screening have their numbers only.
            Assert.Equal(excluded ? ["", "", ""] : [product, "20x4", "80"], row[^3..]);
            if (excluded) Assert.StartsWith("excluded: |Bperp|", row[7]);
        }
    }

    // A quarter of the pairs are missing from pairs.csv, a third are zipped: both kinds overlap.
    private static bool InCatalogue(int index) => index % 4 != 1;

    private static bool Zipped(int index) => index % 3 == 2;

    // The baseline the product's parameter file states: distinct from the catalogue's (which would give
    // Perp(s) − Perp(r)), so the source of each recorded Bperp shows in its value too.
    private static double ProductBperp(DateOnly r, DateOnly s) => (s.DayNumber % 11) * 3.5 - (r.DayNumber % 11) * 3.5;

    private static DateOnly Date(string yyyymmdd) => DateOnly.ParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture);
}
