using System.Globalization;

namespace MineFunctions.Cli.Tests;

public sealed class ActivityCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mine-activity-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private string SeedCounts() => WriteFile("counts.csv",
        "class,pixels\nred,43398\ngreen,40088\nblue,47177\ncyan,28779\nmagenta,9509\nyellow,23097\nwhite,24927\nblack,0\n");

    [Fact]
    public async Task SeedTable2_ReproducesAreasAndTonnesPerSquareMetre_AndFlags2020()
    {
        var counts = SeedCounts();
        var production = WriteFile("production.csv", "year,ore_t\n2020,36200000\n2021,37900000\n2022,35000000\n");
        var outPath = Path.Combine(_dir, "activity.csv");

        var (code, output, error) = await Mine.RunAsync("activity", "--counts", counts, "--pixel-area-m2", "100", "--years", "2020,2021,2022",
            "--production", production, "--published-totals", "2020=105931,2021=116891,2022=110392", "--out", outPath);

        Assert.True(code == 0, error);
        var lines = File.ReadAllLines(outPath);
        Assert.Equal("year,active_pixels,area_m2,reported_production_t,t_per_m2,estimated_production_t,confidence", lines[0]);
        Assert.Equal(4, lines.Length);
        var y2021 = lines[2].Split(',');
        var y2022 = lines[3].Split(',');
        Assert.Equal(["2021", "116891", "11689100", "37900000"], y2021[..4]);
        Assert.Equal(["2022", "110392", "11039200", "35000000"], y2022[..4]);
        Assert.Equal(3.242, Math.Round(double.Parse(y2021[4], CultureInfo.InvariantCulture), 3));
        Assert.Equal(3.171, Math.Round(double.Parse(y2022[4], CultureInfo.InvariantCulture), 3));
        Assert.Equal("", y2021[5]);
        Assert.Equal("high", y2021[6]);
        Assert.StartsWith("2020,100931,10093100,36200000,", lines[1]);
        Assert.Contains("warning: 2020: published total 105,931 differs from the colour sum 100,931", output);
        Assert.DoesNotContain("warning: 2021", output);
    }

    [Fact]
    public async Task MissingProductionYear_IsEstimatedFromTheOwnMean_AndMarkedMedium()
    {
        var counts = SeedCounts();
        var production = WriteFile("production.csv", "year,ore_t\n2021,37900000\n2022,35000000\n");
        var outPath = Path.Combine(_dir, "activity.csv");

        var (code, _, error) = await Mine.RunAsync("activity", "--counts", counts, "--pixel-area-m2", "100", "--years", "2020,2021,2022",
            "--production", production, "--out", outPath);

        Assert.True(code == 0, error);
        var y2020 = File.ReadAllLines(outPath)[1].Split(',');
        Assert.Equal("", y2020[3]);
        var mean = (37.9e6 / 11_689_100 + 35.0e6 / 11_039_200) / 2;
        Assert.Equal(mean, double.Parse(y2020[4], CultureInfo.InvariantCulture), 5);
        Assert.Equal(Math.Round(10_093_100 * mean), double.Parse(y2020[5], CultureInfo.InvariantCulture));
        Assert.Equal("medium", y2020[6]);
    }

    [Fact]
    public async Task MalformedRows_AreReportedWithLineNumbers_AndNothingIsWritten()
    {
        var counts = WriteFile("counts.csv", "class,pixels\nred,12\norange,3\nblue,-4\nred,5\n");
        var outPath = Path.Combine(_dir, "activity.csv");

        var (code, _, error) = await Mine.RunAsync("activity", "--counts", counts, "--pixel-area-m2", "100", "--years", "2020,2021,2022", "--out", outPath);

        Assert.Equal(1, code);
        Assert.Contains("counts.csv:3:", error);
        Assert.Contains("orange", error);
        Assert.Contains("counts.csv:4:", error);
        Assert.Contains("counts.csv:5:", error);
        Assert.False(File.Exists(outPath));
    }

    [Fact]
    public async Task ProductionOutsideTheWindow_IsARowErrorWithItsLine()
    {
        var production = WriteFile("production.csv", "year,ore_t\n2021,37900000\n2019,1\n");
        var outPath = Path.Combine(_dir, "activity.csv");
        var (code, _, error) = await Mine.RunAsync("activity", "--counts", SeedCounts(), "--pixel-area-m2", "100", "--years", "2020,2021,2022",
            "--production", production, "--out", outPath);
        Assert.Equal(1, code);
        Assert.Contains("production.csv:3: Year 2019", error);
        Assert.False(File.Exists(outPath));
    }

    [Theory]
    [InlineData("2020,2022,2023")]
    [InlineData("2020,2021")]
    public async Task BadYears_AreAUsageError(string years)
    {
        var (code, _, error) = await Mine.RunAsync("activity", "--counts", SeedCounts(), "--pixel-area-m2", "100", "--years", years, "--out", Path.Combine(_dir, "a.csv"));
        Assert.Equal(2, code);
        Assert.Contains("--years", error);
    }
}
