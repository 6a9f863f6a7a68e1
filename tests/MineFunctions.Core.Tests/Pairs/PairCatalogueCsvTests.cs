using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Pairs;

public sealed class PairCatalogueCsvTests
{
    [Fact]
    public void ReadsOurHeader_AndOptionalColumns()
    {
        var csv = "reference,secondary,bperp_m,track,direction,polarisation\n2021-01-03,2021-01-15,-42.5,T005,asc,vv\n20210115,20210127,,,,\n";
        var rows = PairCatalogueCsv.Read(new StringReader(csv), "pairs.csv");
        Assert.Equal(2, rows.Count);
        Assert.Equal(new PairCatalogueEntry(new(2021, 1, 3), new(2021, 1, 15), -42.5, "T005", "ASC", "VV"), rows[0]);
        Assert.Null(rows[1].PerpendicularBaselineM);
    }

    [Fact]
    public void AcceptsAsfStyleColumnNames()
    {
        var csv = "secondary,reference,perpendicularBaseline\n2021-01-15,2021-01-03,120\n";
        var row = Assert.Single(PairCatalogueCsv.Read(new StringReader(csv), "asf.csv"));
        Assert.Equal(120, row.PerpendicularBaselineM);
        Assert.Equal(new DateOnly(2021, 1, 3), row.Reference);
    }

    [Fact]
    public void BadRows_AreReportedWithSourceAndLine()
    {
        var csv = "reference,secondary,bperp_m\n2021-01-03,2021-01-15,ten\n2021-13-01,2021-01-15,1\n";
        var ex = Assert.Throws<InvalidDataException>(() => PairCatalogueCsv.Read(new StringReader(csv), "pairs.csv"));
        Assert.Contains("pairs.csv:2:", ex.Message);
        Assert.Contains("pairs.csv:3:", ex.Message);
    }

    [Fact]
    public void AMissingDateColumn_IsAHeaderError() =>
        Assert.Contains("pairs.csv:1:", Assert.Throws<InvalidDataException>(() => PairCatalogueCsv.Read(new StringReader("ref,sec\n"), "pairs.csv")).Message);
}
