namespace MineFunctions.App.Tests.TestSupport;

/// <summary>Paths in the repository, found from the test assembly's location (bin/&lt;config&gt;/net10.0 under tests/…).</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration =>
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MineFunctions.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException($"No MineFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
