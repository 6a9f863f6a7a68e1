namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>The result tables; a store may put a prefix in front (tests, several deployments in one account).</summary>
public static class TableNames
{
    public const string PairResults = "PairResults";
    public const string AnnualActivity = "AnnualActivity";
    public const string ClassCounts = "ClassCounts";
    public const string Emissions = "Emissions";
    public const string Runs = "Runs";

    public static IReadOnlyList<string> All { get; } = [PairResults, AnnualActivity, ClassCounts, Emissions, Runs];

    /// <summary>A table-name prefix: empty, or a letter followed by letters and digits (Table names are alphanumeric).</summary>
    public static string ValidatePrefix(string? prefix)
    {
        if (string.IsNullOrEmpty(prefix)) return "";
        if (prefix.Length > 40) throw new StorageNameException("table prefix", prefix, "it is longer than 40 characters");
        if (!char.IsAsciiLetter(prefix[0]) || !prefix.All(char.IsAsciiLetterOrDigit))
            throw new StorageNameException("table prefix", prefix, "it must be a letter followed by letters and digits");
        return prefix;
    }
}
