using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

public sealed class GdalLibraryTests
{
    [Fact]
    public void VersionString_IsReadFromLibgdal_AndNamesGdal3()
    {
        var version = GdalLibrary.VersionString();
        Assert.StartsWith("GDAL 3.", version);
        // VERSION_NUM is an independent query of the same library: its major/minor must agree with the text.
        var num = int.Parse(GdalLibrary.ReleaseNumber(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"GDAL {num / 1000000}.{num / 10000 % 100}.", version);
    }

    [Fact]
    public void EnsureInitialised_IsIdempotent()
    {
        GdalLibrary.EnsureInitialised();
        GdalLibrary.EnsureInitialised();
        Assert.StartsWith("GDAL", GdalLibrary.VersionString());
    }
}
