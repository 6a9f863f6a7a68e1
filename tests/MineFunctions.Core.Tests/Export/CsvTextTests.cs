using MineFunctions.Core.Activity;
using MineFunctions.Core.Emissions;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Export;

/// <summary>Text fields that a spreadsheet would run as formulas are neutralised (OWASP "CSV Injection").</summary>
public sealed class CsvTextTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void FormulaLeaders_GetAnApostrophe_ThenTheUsualQuoting(string value, string expected) =>
        Assert.Equal(expected, CsvText.Field(value));

    [Theory]
    [InlineData("Sishen", "Sishen")]
    [InlineData("Closed, Mine", "\"Closed, Mine\"")]
    [InlineData("a=b", "a=b")]
    [InlineData("trace_-43.9_-19.9", "trace_-43.9_-19.9")]
    [InlineData("", "")]
    public void OrdinaryText_IsUnchanged(string value, string expected) => Assert.Equal(expected, CsvText.Field(value));

    [Fact]
    public void Numbers_AreNeverNeutralised() => Assert.Equal("-0.5", CsvText.Number(-0.5, 4));

    [Fact]
    public void ClimateTraceSources_AMaliciousAssetName_ReachesTheFileAsText()
    {
        var asset = new Asset("A1", "=cmd|' /C calc'!A0", Commodity.Iron, "BRA", -19.9, -43.9, null);
        var row = EmissionsEstimator.Combine(asset, 2020, null, null);
        var writer = new StringWriter();
        ClimateTraceCsvWriter.WriteSources(new EstimateResult([2020], [row], []), Commodity.Iron,
            new ClimateTraceExportOptions(new DateTime(2023, 1, 1), new DateTime(2023, 1, 2)), writer);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(5, lines.Count);
        Assert.All(lines, l => Assert.Contains(",'=cmd|' /C calc'!A0,", l));
        Assert.DoesNotContain(",=cmd", writer.ToString());
    }
}
