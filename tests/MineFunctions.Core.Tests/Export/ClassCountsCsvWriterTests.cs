using MineFunctions.Core.Contracts;
using MineFunctions.Core.Export;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Tests.Export;

public sealed class ClassCountsCsvWriterTests
{
    [Fact]
    public void WrittenCounts_ReadBackEqual_ThroughTheCountsReader()
    {
        var counts = ClassCounts.FromArray([9, 1, 2, 3, 4, 5, 6, 7]);
        var csv = ClassCountsCsvWriter.Write(counts);
        Assert.StartsWith("class,pixels\nred,1\ngreen,2\n", csv);
        var (read, errors) = ClassCountsCsvReader.Read(new StringReader(csv), "counts.csv");
        Assert.Empty(errors);
        Assert.Equal(counts, read);
    }
}
