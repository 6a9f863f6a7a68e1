namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// The allowlist every name taken from outside goes through before it reaches a Blob or Table
/// client. With shared-key auth, <c>GetBlobClient("../other/x")</c> is normalised by System.Uri
/// and lands in another container (ENGINEERING-NOTES.md, "Azurite and the Azure SDK"), so names are
/// checked here, not escaped: a segment is 1–<see cref="MaxSegmentLength"/> characters of
/// [a-z0-9-_.], never "." or "..", never starting with '.'; a blob name is segments joined by '/',
/// at most <see cref="MaxBlobNameLength"/> characters, no leading, trailing or double '/', no '\'.
/// </summary>
public static class BlobPath
{
    /// <summary>Longest single path segment (asset id, file name) accepted.</summary>
    public const int MaxSegmentLength = 128;

    /// <summary>Longest whole blob name accepted (Azure allows 1024; ours stay far below).</summary>
    public const int MaxBlobNameLength = 512;

    /// <summary>Checks one path segment (an asset folder, a file name, a date pair) and returns it unchanged.</summary>
    public static string Segment(string? value, string what = "name segment") =>
        SegmentProblem(value) is { } problem ? throw new StorageNameException(what, value ?? "", problem) : value!;

    /// <summary>Why <paramref name="value"/> is not a valid segment, or null when it is.</summary>
    public static string? SegmentProblem(string? value)
    {
        if (value is null) return "it is missing";
        if (value.Length == 0) return "it is empty";
        if (value.Length > MaxSegmentLength) return $"it is longer than {MaxSegmentLength} characters";
        if (value.Contains('/')) return "it contains '/'";
        if (value.Contains('\\')) return "it contains '\\'";
        if (value.Contains("..", StringComparison.Ordinal)) return "it contains '..'";
        if (value[0] == '.') return "it starts with '.'";
        foreach (var c in value)
        {
            if (!IsAllowed(c)) return $"character '{(char.IsControl(c) ? '?' : c)}' is not allowed (only A-Z, a-z, 0-9, '-', '_', '.')";
        }
        return null;
    }

    /// <summary>Checks a whole blob name (e.g. from a listing, a message or an activity input) and returns it unchanged.</summary>
    public static string Name(string? value)
    {
        const string what = "blob name";
        if (value is null) throw new StorageNameException(what, "", "it is missing");
        if (value.Length == 0) throw new StorageNameException(what, value, "it is empty");
        if (value.Length > MaxBlobNameLength)
            throw new StorageNameException(what, value, $"it is longer than {MaxBlobNameLength} characters");
        if (value[0] == '/') throw new StorageNameException(what, value, "it starts with '/'");
        if (value.Contains('\\')) throw new StorageNameException(what, value, "it contains '\\'");
        if (value.Contains("//", StringComparison.Ordinal)) throw new StorageNameException(what, value, "it contains an empty segment");
        if (value[^1] == '/') throw new StorageNameException(what, value, "it ends with '/'");
        foreach (var segment in value.Split('/'))
        {
            try
            {
                Segment(segment);
            }
            catch (StorageNameException inner)
            {
                throw new StorageNameException(what, value, $"segment '{inner.Value}' is invalid ({inner.Problem})");
            }
        }
        return value;
    }

    /// <summary>Checks a listing prefix: empty, or a valid blob name followed by '/'.</summary>
    public static string Prefix(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (value[^1] != '/') throw new StorageNameException("blob prefix", value, "it must end with '/'");
        Name(value[..^1]);
        return value;
    }

    /// <summary>Joins checked segments with '/'; the result is checked as a whole blob name.</summary>
    public static string Combine(params ReadOnlySpan<string> segments)
    {
        if (segments.Length == 0) throw new StorageNameException("blob name", "", "it has no segments");
        var checkedSegments = new string[segments.Length];
        for (var i = 0; i < segments.Length; i++) checkedSegments[i] = Segment(segments[i]);
        return Name(string.Join('/', checkedSegments));
    }

    /// <summary>True for the characters a name segment may hold: [A-Za-z0-9._-].</summary>
    public static bool IsAllowed(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.';
}
