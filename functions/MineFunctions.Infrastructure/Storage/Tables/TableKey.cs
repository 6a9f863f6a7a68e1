namespace MineFunctions.Infrastructure.Storage.Tables;

/// <summary>
/// Checks run ids and other keys taken from outside before they become a PartitionKey or RowKey:
/// 1–256 characters of [A-Za-z0-9-_.:] (Table storage forbids '/', '\', '#', '?' and control characters;
/// the allowlist is narrower still).
/// </summary>
public static class TableKey
{
    public const int MaxLength = 256;

    public static string Validate(string? value, string what)
    {
        if (string.IsNullOrEmpty(value)) throw new StorageNameException(what, value ?? "", "it is empty");
        if (value.Length > MaxLength) throw new StorageNameException(what, value, $"it is longer than {MaxLength} characters");
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
                throw new StorageNameException(what, value, $"character '{(char.IsControl(c) ? '?' : c)}' is not allowed (only A-Z, a-z, 0-9, '-', '_', '.', ':')");
        }
        return value;
    }
}
