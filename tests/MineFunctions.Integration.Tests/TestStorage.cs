namespace MineFunctions.Integration.Tests;

/// <summary>The Azurite connection string handed over by `./build.sh test` (which starts Azurite).</summary>
internal static class TestStorage
{
    public const string Variable = "MINEFUNCTIONS_TEST_STORAGE";

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run the integration tests with `./build.sh test`, which starts Azurite and sets it.");

    /// <summary>A container or table name unique to one test, so tests never see each other's data.</summary>
    public static string UniqueName(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 32, 63)].ToLowerInvariant();
}
