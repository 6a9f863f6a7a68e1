using CsCheck;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Inputs;

public sealed class CsvRoundTripProperties
{
    private static readonly Gen<string> Field = Gen.String[Gen.Char["ab ,\"\r\n;é"], 0, 8];

    // The generator's only formula leader is CR; the others (= + - @ tab) are covered by CsvTextTests.

    [Fact]
    public void AnyFieldsWrittenWithCsvTextField_ReadBack_WithTheirStartLines_FormulaLeadersAsText()
    {
        Gen.Select(Field.Array[1, 5], Gen.Int[1, 6]).Sample(t =>
        {
            var (fields, count) = t;
            // Every record has the same fields but is written several times, so line tracking across
            // quoted line breaks is exercised too.
            var text = string.Concat(Enumerable.Repeat(string.Join(',', fields.Select(CsvText.Field)) + "\n", count));
            var reader = new CsvRecordReader(new StringReader(text));
            var expectedLine = 1;
            var linesPerRecord = 1 + fields.Sum(f => f.Count(c => c == '\n'));
            for (var i = 0; i < count; i++)
            {
                var record = reader.Next(out var line);
                Assert.NotNull(record);
                // A field a spreadsheet would run as a formula (here: one starting with CR) comes back
                // with the apostrophe that makes it text; every other field comes back unchanged.
                Assert.Equal(fields.Select(f => f.StartsWith('\r') ? "'" + f : f), record);
                Assert.Equal(expectedLine, line);
                expectedLine += linesPerRecord;
            }
            Assert.Null(reader.Next(out _));
        });
    }
}
