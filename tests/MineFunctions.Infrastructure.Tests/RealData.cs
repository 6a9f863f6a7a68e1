namespace MineFunctions.Infrastructure.Tests;

/// <summary>Finds the shared real-data folder (../shared/data/real from the checkout), or MINEFUNCTIONS_REAL_DATA.</summary>
internal static class RealData
{
    public static string Folder(string name)
    {
        var root = Environment.GetEnvironmentVariable("MINEFUNCTIONS_REAL_DATA");
        if (!string.IsNullOrEmpty(root)) return Path.Combine(root, name);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data", "real", name);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"Real data '{name}' not found above {AppContext.BaseDirectory}; set MINEFUNCTIONS_REAL_DATA to the data/real folder.");
    }
}
