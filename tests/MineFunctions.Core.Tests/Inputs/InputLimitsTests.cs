using System.Text;
using MineFunctions.Core.Inputs;
using MineFunctions.Core.Pairs;

namespace MineFunctions.Core.Tests.Inputs;

/// <summary>Each bound of <see cref="InputLimits"/>: at the bound accepted, one past it refused with the file, line and bound.</summary>
public sealed class InputLimitsTests
{
    private const string ProductionHeader = "asset_id,year,product,tonnes\n";

    [Fact]
    public void ACsvFieldAtTheBound_IsRead_OneCharacterMore_IsRefusedAtItsLine()
    {
        var atBound = new string('x', InputLimits.MaxCsvFieldChars);
        // A field of exactly the bound is read whole, not cut.
        var read = ProductionCsvReader.Read(new StringReader(ProductionHeader + $"a,2020,{atBound},1\n"), "production.csv");
        Assert.True(read.IsValid, string.Join("\n", read.Errors));
        Assert.Equal(atBound, read.Values[0].Product);

        var over = ProductionCsvReader.Read(new StringReader(ProductionHeader + "a,2020,ore,1\n" + $"a,2021,{atBound}x,1\n"), "production.csv");
        var error = Assert.Single(over.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal($"production.csv:3: field 3 is longer than {InputLimits.MaxCsvFieldChars} characters (the limit of a CSV field).", error.ToString());
    }

    [Fact]
    public void AQuotedFieldPastTheBound_IsRefusedToo()
    {
        var over = "\"" + new string('y', InputLimits.MaxCsvFieldChars + 1) + "\"";
        var result = ProductionCsvReader.Read(new StringReader(ProductionHeader + $"{over},2020,ore,1\n"), "production.csv");
        Assert.Contains(result.Errors, e => e.Line == 2 && e.Message.Contains("field 1 is longer than", StringComparison.Ordinal));
    }

    [Fact]
    public void ARecordOfTheMostFields_IsRead_OneFieldMore_IsRefused()
    {
        static string Record(int fields) => string.Join(",", Enumerable.Range(1, fields).Select(i => $"f{i}")) + "\n";

        var reader = new CsvRecordReader(new StringReader(Record(InputLimits.MaxCsvFields)));
        Assert.Equal(InputLimits.MaxCsvFields, reader.Next(out _)!.Count);

        var over = new CsvRecordReader(new StringReader("a,b\n" + Record(InputLimits.MaxCsvFields + 1)));
        Assert.NotNull(over.Next(out _));
        var ex = Assert.Throws<CsvFormatException>(() => over.Next(out _));
        Assert.Equal(2, ex.Line);
        Assert.Contains($"more than {InputLimits.MaxCsvFields} fields", ex.Message);
    }

    [Fact]
    public void AFileOfTheMostRecords_IsRead_OneRecordMore_IsRefusedAtThatLine()
    {
        var text = new StringBuilder();
        for (var i = 0; i < InputLimits.MaxCsvRecords; i++) text.Append("1\n");
        var reader = new CsvRecordReader(new StringReader(text.ToString()));
        var records = 0;
        while (reader.Next(out _) is not null) records++;
        Assert.Equal(InputLimits.MaxCsvRecords, records);

        text.Append("1\n");
        var over = new CsvRecordReader(new StringReader(text.ToString()));
        for (var i = 0; i < InputLimits.MaxCsvRecords; i++) over.Next(out _);
        var ex = Assert.Throws<CsvFormatException>(() => over.Next(out _));
        Assert.Equal(InputLimits.MaxCsvRecords + 1, ex.Line);
    }

    [Fact]
    public void APairCatalogueOverABound_NamesItsFileAndLine()
    {
        var csv = "reference,secondary,bperp_m\n2020-01-01,2020-01-13,5\n2020-01-13,2020-01-25," + new string('9', InputLimits.MaxCsvFieldChars + 1) + "\n";
        var ex = Assert.Throws<InvalidDataException>(() => PairCatalogueCsv.Read(new StringReader(csv), "pairs.csv"));
        Assert.StartsWith("pairs.csv:3: field 3 is longer than", ex.Message);
    }

    [Fact]
    public void AnAssetNameAtTheBound_IsRead_OneCharacterMore_IsRefused()
    {
        const string header = "asset_id,name,commodity,iso3,lat,lon\n";
        var atBound = new string('n', InputLimits.MaxNameChars);
        var ok = AssetRegistryCsvReader.Read(new StringReader(header + $"a,{atBound},iron,BRA,0,0\n"), "assets.csv");
        Assert.True(ok.IsValid, string.Join("\n", ok.Errors));
        Assert.Equal(atBound, ok.Values[0].Name);

        var over = AssetRegistryCsvReader.Read(new StringReader(header + $"a,{atBound}n,iron,BRA,0,0\n"), "assets.csv");
        Assert.Equal($"assets.csv:2: 'name' has {InputLimits.MaxNameChars + 1} characters, more than the limit of {InputLimits.MaxNameChars}.", Assert.Single(over.Errors).ToString());
    }

    [Fact]
    public void AnUnknownCommodity_NamesTheAllowedOnes()
    {
        var result = AssetRegistryCsvReader.Read(new StringReader("asset_id,name,commodity,iso3,lat,lon\na,A,gold,BRA,0,0\n"), "assets.csv");
        Assert.Equal("assets.csv:2: 'commodity': 'gold' is not a commodity (allowed: iron, copper, bauxite).", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void SizeAndPairBounds_AcceptTheBound_AndRefuseOneMore()
    {
        InputLimits.CheckSize("production.csv", InputLimits.MaxTextFileBytes, InputLimits.MaxTextFileBytes);
        var ex = Assert.Throws<InvalidDataException>(() => InputLimits.CheckSize("production.csv", InputLimits.MaxTextFileBytes + 1, InputLimits.MaxTextFileBytes));
        Assert.Equal("production.csv: 16,777,217 bytes, more than the limit of 16 MiB (16,777,216 bytes) for this input.", ex.Message);

        InputLimits.CheckPairs("sishen", InputLimits.MaxPairsPerAsset);
        var pairs = Assert.Throws<InvalidDataException>(() => InputLimits.CheckPairs("sishen", InputLimits.MaxPairsPerAsset + 1));
        Assert.Equal("Asset 'sishen': 10001 pairs, more than the limit of 10000 per asset.", pairs.Message);
    }
}
