namespace MineFunctions.Infrastructure.Tests;

/// <summary>
/// Finds a real-data folder: MINEFUNCTIONS_REAL_DATA, else the repository's tests/fixtures/real (committed,
/// so CI needs nothing outside the clone), else a shared/data/real folder above the checkout.
/// </summary>
internal static class RealData
{
    public static string Folder(string name)
    {
        var root = Environment.GetEnvironmentVariable("MINEFUNCTIONS_REAL_DATA");
        if (!string.IsNullOrEmpty(root)) return Path.Combine(root, name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "tests", "fixtures", "real", name), Path.Combine(dir.FullName, "shared", "data", "real", name) })
            {
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        throw new DirectoryNotFoundException($"Real data '{name}' not found above {AppContext.BaseDirectory}; set MINEFUNCTIONS_REAL_DATA to the data/real folder.");
    }
}
