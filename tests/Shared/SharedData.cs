namespace MineFunctions.Testing;

/// <summary>
/// Third-party data and scripts the tests use where they lie, never copied into the repository:
/// the <c>shared</c> folder beside the clone (<c>../shared</c> from the folder holding
/// MineFunctions.sln; CI always lays it there), or MINEFUNCTIONS_SHARED when set.
/// </summary>
public static class SharedData
{
    /// <summary>The repository root: the first folder above the test assembly holding MineFunctions.sln.</summary>
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder, or null when there is none.</summary>
    public static string? Root { get; } = FindRoot();

    /// <summary>A path under the shared folder when it exists, else null.</summary>
    public static string? Find(params string[] parts)
    {
        if (Root is null) return null;
        var path = Path.Combine([Root, .. parts]);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>A path under the shared folder; throws with the path searched when it is absent.</summary>
    public static string Require(params string[] parts) =>
        Find(parts) ?? throw new FileNotFoundException(MissingReason(parts));

    /// <summary>A file or folder of <c>shared/data/real</c>.</summary>
    public static string Real(params string[] parts) => Require(["data", "real", .. parts]);

    /// <summary>Why a test that needs <paramref name="parts"/> is skipped.</summary>
    public static string MissingReason(params string[] parts) =>
        $"shared/{string.Join('/', parts)} is not there ({(Root is null ? "no shared folder beside the clone and MINEFUNCTIONS_SHARED unset" : $"looked in {Root}")}); it holds third-party data the repository must not copy.";

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MineFunctions.sln"))) return dir.FullName;
        }
        return null;
    }

    private static string? FindRoot()
    {
        var configured = Environment.GetEnvironmentVariable("MINEFUNCTIONS_SHARED");
        if (!string.IsNullOrEmpty(configured)) return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        if (RepoRoot is null) return null;
        var beside = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(beside) ? beside : null;
    }
}

/// <summary>A fact that reports itself skipped, with the reason, when its shared data is absent.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    /// <param name="path">Path segments under the shared folder, e.g. "data", "real", "pyrate-cropA-mexico-city".</param>
    public SharedDataFactAttribute(params string[] path)
    {
        if (SharedData.Find(path) is null) Skip = SharedData.MissingReason(path);
    }
}

/// <summary>A theory that reports itself skipped, with the reason, when its shared data is absent.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    /// <param name="path">Path segments under the shared folder.</param>
    public SharedDataTheoryAttribute(params string[] path)
    {
        if (SharedData.Find(path) is null) Skip = SharedData.MissingReason(path);
    }
}
