using System.Text.RegularExpressions;
using MineFunctions.App.Tests.TestSupport;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.App.Tests;

/// <summary>
/// What can be checked of the container image without a Docker engine: the GDAL install script
/// (run here against stand-ins for apt and ldconfig), its agreement with the app's library
/// resolver, the build context filter and the publish step.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // runs sh scripts with stand-ins made executable
public sealed partial class DockerImageTests
{
    private static readonly string Dockerfile = File.ReadAllText(RepoPaths.Of("infra", "Dockerfile"));
    private static readonly string InstallScript = RepoPaths.Of("infra", "install-gdal.sh");

    private static IEnumerable<string> CodeLines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    [Fact]
    public void TheImageAcceptsExactlyTheSonamesTheResolverTries()
    {
        var script = File.ReadAllText(InstallScript);
        var sonames = SonamesLine().Match(script).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(GdalLibrary.CandidateNames.Where(n => n.StartsWith("libgdal.so.", StringComparison.Ordinal)), sonames);
    }

    [Fact]
    public void TheDockerfileInstallsGdalThroughTheScript_AndNoFixedSonamePackageAnywhere()
    {
        Assert.Contains("COPY infra/install-gdal.sh /tmp/install-gdal.sh", Dockerfile, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^RUN sh /tmp/install-gdal\.sh && rm -rf /var/lib/apt/lists/\* /tmp/install-gdal\.sh$", Dockerfile);
        // A package named after one soname (libgdal32) exists on one distribution only.
        Assert.DoesNotContain(CodeLines(Dockerfile).Concat(CodeLines(File.ReadAllText(InstallScript))), l => FixedPackage().IsMatch(l));
    }

    public static TheoryData<string, string, string> Distributions => new()
    {
        // distribution, gdal-bin's runtime dependency there, the soname that package installs
        { "Debian 12", "libgdal32", "libgdal.so.32" },
        { "Ubuntu 24.04", "libgdal34t64", "libgdal.so.34" },
        { "Debian 13", "libgdal36", "libgdal.so.36" },
    };

    [Theory]
    [MemberData(nameof(Distributions))]
    public async Task TheScriptInstallsTheRuntimePackageGdalBinDependsOn(string distribution, string package, string soname)
    {
        var (exit, stderr, aptCalls) = await RunInstallScriptAsync(
            $"gdal-bin\n  Depends: python3-gdal\n  Depends: libc6\n  Depends: {package}\n  Depends: libstdc++6\n",
            $"\t{soname} (libc6,x86-64) => /usr/lib/x86_64-linux-gnu/{soname}\n");

        Assert.True(exit == 0, $"{distribution}: install-gdal.sh failed ({exit}):\n{stderr}");
        Assert.Equal(["update", $"install -y --no-install-recommends {package}"], aptCalls);
    }

    [Fact]
    public async Task TheBuildFailsWhenTheInstalledSonameIsNotOneTheResolverTries()
    {
        // GDAL 3.5 (libgdal31): older than the interop layer supports.
        var (exit, stderr, _) = await RunInstallScriptAsync(
            "gdal-bin\n  Depends: libgdal31\n", "\tlibgdal.so.31 (libc6,x86-64) => /usr/lib/libgdal.so.31\n");

        Assert.Equal(1, exit);
        Assert.Contains("provides none of", stderr, StringComparison.Ordinal);
        Assert.Contains("GdalLibrary.CandidateNames", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBuildFailsWhenGdalBinNamesNoRuntimePackage()
    {
        var (exit, stderr, aptCalls) = await RunInstallScriptAsync("gdal-bin\n  Depends: libc6\n", "");

        Assert.Equal(1, exit);
        Assert.Contains("names no libgdal runtime package", stderr, StringComparison.Ordinal);
        Assert.Equal(["update"], aptCalls);
    }

    [Fact]
    public async Task OnThisMachineTheScriptsCheckAcceptsTheInstalledLibgdal()
    {
        // Only apt is a stand-in: the real ldconfig reports the libgdal the Infrastructure tests load.
        var (exit, stderr, _) = await RunInstallScriptAsync("gdal-bin\n  Depends: libgdal99\n", ldconfigOutput: null);

        Assert.True(exit == 0, $"install-gdal.sh rejected this machine's libgdal:\n{stderr}");
    }

    /// <summary>Runs infra/install-gdal.sh with sh, apt-get/apt-cache (and ldconfig unless null) replaced by stand-ins.</summary>
    private static async Task<(int Exit, string Stderr, List<string> AptCalls)> RunInstallScriptAsync(string aptCacheDepends, string? ldconfigOutput)
    {
        var bin = Directory.CreateTempSubdirectory("minefunctions-fakeapt-");
        try
        {
            var log = Path.Combine(bin.FullName, "apt-get.log");
            Write(bin.FullName, "apt-get", $"#!/bin/sh\necho \"$*\" >> '{log}'\n");
            Write(bin.FullName, "apt-cache", "#!/bin/sh\n[ \"$1 $2\" = \"depends gdal-bin\" ] || exit 100\ncat \"$(dirname \"$0\")/depends.txt\"\n");
            await File.WriteAllTextAsync(Path.Combine(bin.FullName, "depends.txt"), aptCacheDepends);
            if (ldconfigOutput is not null)
            {
                Write(bin.FullName, "ldconfig", "#!/bin/sh\n[ \"$1\" = \"-p\" ] || exit 100\ncat \"$(dirname \"$0\")/ldconfig.txt\"\n");
                await File.WriteAllTextAsync(Path.Combine(bin.FullName, "ldconfig.txt"), ldconfigOutput);
            }

            var (exit, _, stderr) = await ProcessRunner.RunAsync("sh", [InstallScript], bin.FullName, TimeSpan.FromMinutes(1),
                new Dictionary<string, string?> { ["PATH"] = $"{bin.FullName}:/usr/sbin:/usr/bin:/sbin:/bin" });
            var calls = File.Exists(log) ? (await File.ReadAllLinesAsync(log)).ToList() : [];
            return (exit, stderr, calls);
        }
        finally
        {
            bin.Delete(recursive: true);
        }
    }

    private static void Write(string folder, string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    [Theory]
    [InlineData("functions/MineFunctions.App/Program.cs", false)]
    [InlineData("functions/MineFunctions.App/host.json", false)]
    [InlineData("functions/MineFunctions.Core/Inputs/Data/country-regions.csv", false)]
    [InlineData("Directory.Packages.props", false)]
    [InlineData("infra/install-gdal.sh", false)]
    [InlineData("functions/MineFunctions.App/bin/Release/net10.0/MineFunctions.App.dll", true)]
    [InlineData("functions/MineFunctions.App/obj/project.assets.json", true)]
    [InlineData("functions/MineFunctions.App/local.settings.json", true)]
    [InlineData("node_modules/azurite/package.json", true)]
    [InlineData("tests/MineFunctions.App.Tests/BicepBuildTests.cs", true)]
    [InlineData(".git/HEAD", true)]
    [InlineData("demo-out/summary.csv", true)]
    [InlineData("infra/main.bicep", true)]
    [InlineData("functions/MineFunctions.Core/obj/Release/net10.0/MineFunctions.Core.dll", true)]
    [InlineData("functions/MineFunctions.Workflow/bin", true)]
    [InlineData("functions/MineFunctions.App/TestResults/x.trx", true)]
    public void TheBuildContextHoldsSourcesOnly_AsDockerAndAsAzAcrBuildReadTheRules(string path, bool excluded)
    {
        // docker build and az acr build (which packs the context itself, docs/DEPLOY.md) read .dockerignore
        // differently; the rules must mean the same to both.
        var rules = File.ReadAllText(RepoPaths.Of(".dockerignore"));
        Assert.Equal(excluded, new DockerIgnore(rules).Excludes(path));
        Assert.Equal(excluded, new AzAcrIgnore(rules).Excludes(path));
    }

    [Theory]
    [InlineData("**/bin/", "functions/MineFunctions.App/bin/Release/app.dll", false)] // a trailing slash matches nothing there
    [InlineData("**/bin", "functions/MineFunctions.App/bin/Release/app.dll", true)]
    [InlineData("*\n!functions/", "functions/MineFunctions.App/Program.cs", false)]
    [InlineData("*\n!functions/", "tests/Shared/RepoPaths.cs", true)]
    [InlineData("*\n!functions/\n**/obj", "functions/MineFunctions.App/obj/project.assets.json", true)]
    public void AzAcrBuildsReading_AsItsPackerDoes(string rules, string path, bool excluded) =>
        Assert.Equal(excluded, new AzAcrIgnore(rules).Excludes(path));

    [Fact]
    public void EverythingTheDockerfileCopiesIsInTheBuildContext()
    {
        var rules = File.ReadAllText(RepoPaths.Of(".dockerignore"));
        var sources = CodeLines(Dockerfile).Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from", StringComparison.Ordinal))
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..^1]).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, source =>
        {
            Assert.True(File.Exists(RepoPaths.Of(source)) || Directory.Exists(RepoPaths.Of(source)), $"COPY source {source} does not exist.");
            var probe = Directory.Exists(RepoPaths.Of(source)) ? source.TrimEnd('/') + "/MineFunctions.App/Program.cs" : source;
            Assert.False(new DockerIgnore(rules).Excludes(probe), $"{probe} is copied by the Dockerfile but left out of the build context.");
            Assert.False(new AzAcrIgnore(rules).Excludes(probe), $"{probe} is copied by the Dockerfile but left out of the context az acr build uploads.");
        });
    }

    [Fact]
    public void ThePublishStartsFromNoOutsideBuildOutput()
    {
        // bin/ and obj/ are deleted after the sources are copied, publish restores itself (locked), and
        // only its own output folder reaches the final image.
        var publish = CodeLines(Dockerfile).Single(l => l.Contains("dotnet publish", StringComparison.Ordinal));
        var run = Dockerfile[Dockerfile.IndexOf("RUN find functions", StringComparison.Ordinal)..];

        Assert.Contains(@"-type d \( -name bin -o -name obj \) -prune -exec rm -rf {} +", run[..run.IndexOf("dotnet publish", StringComparison.Ordinal)], StringComparison.Ordinal);
        Assert.DoesNotContain("--no-restore", publish, StringComparison.Ordinal);
        Assert.Contains("-p:RestoreLockedMode=true", publish, StringComparison.Ordinal);
        Assert.Contains("-o /publish", publish, StringComparison.Ordinal);
        Assert.Contains("COPY --from=build /publish /home/site/wwwroot", Dockerfile, StringComparison.Ordinal);
    }

    [GeneratedRegex("(?m)^SONAMES=\"([^\"]*)\"")]
    private static partial Regex SonamesLine();

    [GeneratedRegex(@"\blibgdal\d")]
    private static partial Regex FixedPackage();
}
