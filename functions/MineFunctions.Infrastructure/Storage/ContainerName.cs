namespace MineFunctions.Infrastructure.Storage;

/// <summary>Blob container names (from configuration), checked against Azure's rules before any client sees them.</summary>
public static class ContainerName
{
    /// <summary>Default container of the inputs: one folder per asset.</summary>
    public const string DefaultInput = "mine-input";

    /// <summary>Default container of every product (rasters, PNGs, export CSVs).</summary>
    public const string DefaultProducts = "mine-products";

    /// <summary>3–63 characters of [a-z0-9-], starting and ending with a letter or digit, no "--".</summary>
    public static string Validate(string? value)
    {
        const string what = "container name";
        if (string.IsNullOrEmpty(value)) throw new StorageNameException(what, value ?? "", "it is empty");
        if (value.Length is < 3 or > 63) throw new StorageNameException(what, value, "it must have 3 to 63 characters");
        if (!char.IsAsciiLetterOrDigit(value[0]) || !char.IsAsciiLetterOrDigit(value[^1]))
            throw new StorageNameException(what, value, "it must start and end with a-z or 0-9");
        if (value.Contains("--", StringComparison.Ordinal)) throw new StorageNameException(what, value, "it contains '--'");
        foreach (var c in value)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                throw new StorageNameException(what, value, $"character '{c}' is not allowed (only a-z, 0-9, '-')");
        }
        return value;
    }
}
