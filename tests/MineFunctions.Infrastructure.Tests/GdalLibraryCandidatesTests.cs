using System.Text.RegularExpressions;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>The resolver's library names: every distribution the app is deployed on must find its libgdal.</summary>
public sealed partial class GdalLibraryCandidatesTests
{
    [Theory]
    // The runtime package each distribution ships and the soname inside it (its package lists:
    // Debian 12 libgdal32 = GDAL 3.6, Ubuntu 24.04 libgdal34t64 = GDAL 3.8, Debian 13 libgdal36 = GDAL 3.10).
    [InlineData("Debian 12", "libgdal.so.32")]
    [InlineData("Ubuntu 24.04 (.NET 10 images)", "libgdal.so.34")]
    [InlineData("Debian 13", "libgdal.so.36")]
    public void EveryTargetDistributionsSonameIsACandidate(string distribution, string soname) =>
        Assert.True(GdalLibrary.CandidateNames.Contains(soname), $"{distribution}'s {soname} is not tried.");

    [Fact]
    public void TheCandidatesAreTheSonamesOfGdal36To312ThenTheUnversionedNames() =>
        // Written out by hand: GDAL 3.m installs libgdal.so.(26 + m), 3.6 -> 32 ... 3.12 -> 38.
        Assert.Equal(
            ["libgdal.so.32", "libgdal.so.33", "libgdal.so.34", "libgdal.so.35", "libgdal.so.36", "libgdal.so.37", "libgdal.so.38",
             "libgdal.so", "libgdal.dylib", "gdal.dll"],
            GdalLibrary.CandidateNames);

    [Fact]
    public void TheFirstLoadableCandidateWins_InListOrder()
    {
        var tried = new List<string>();
        var handle = GdalLibrary.LoadFirst(name =>
        {
            tried.Add(name);
            return name is "libgdal.so.34" or "libgdal.so" ? (IntPtr)(name.Length) : IntPtr.Zero;
        });

        Assert.Equal((IntPtr)"libgdal.so.34".Length, handle);
        Assert.Equal(["libgdal.so.32", "libgdal.so.33", "libgdal.so.34"], tried);
    }

    [Fact]
    public void WhenNothingLoads_TheErrorNamesWhatWasTriedAndTheOverride()
    {
        var error = Assert.Throws<DllNotFoundException>(() => GdalLibrary.LoadFirst(_ => IntPtr.Zero));

        Assert.Contains("libgdal.so.32", error.Message, StringComparison.Ordinal);
        Assert.Contains("libgdal.so.38", error.Message, StringComparison.Ordinal);
        Assert.Contains(GdalLibrary.OverrideVariable, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLibgdalInstalledOnThisMachineIsACandidate()
    {
        // The dynamic linker's own cache, independent of the resolver: whatever GDAL runtime this
        // machine has, its soname must be on the list (the Infrastructure tests load it for real).
        var cache = ExternalTool.Run("/sbin/ldconfig", "-p");
        var installed = Soname().Matches(cache).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(installed);
        Assert.All(installed, soname => Assert.Contains(soname, GdalLibrary.CandidateNames));
    }

    [GeneratedRegex(@"^\s*(libgdal\.so\.\d+)\s", RegexOptions.Multiline)]
    private static partial Regex Soname();
}
