namespace MineFunctions.Cli.Tests;

/// <summary>
/// The project's shared numpy/scipy coherence reference, run where it lies: ../shared/bench/coherence_reference.py
/// beside the repository root (the folder holding MineFunctions.sln, found upwards from the test binaries).
/// </summary>
internal static class ScipyReference
{
    public static string? Script { get; } = Find();

    public static string SkipReason => $"the shared scipy reference ../shared/bench/coherence_reference.py is not beside the repository (searched above {AppContext.BaseDirectory})";

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "MineFunctions.sln"))) continue;
            var script = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "bench", "coherence_reference.py"));
            return File.Exists(script) ? script : null;
        }
        return null;
    }
}

/// <summary>A fact that reports itself skipped, with the reason, when the shared scipy reference is absent.</summary>
public sealed class ScipyReferenceFactAttribute : FactAttribute
{
    public ScipyReferenceFactAttribute()
    {
        if (ScipyReference.Script is null) Skip = ScipyReference.SkipReason;
    }
}
