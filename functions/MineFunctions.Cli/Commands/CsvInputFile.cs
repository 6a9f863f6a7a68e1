using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Files;

namespace MineFunctions.Cli.Commands;

/// <summary>Opens input files (by <see cref="InputFileRule"/>) for the Core CSV readers and turns collected row errors into one clear failure.</summary>
internal static class CsvInputFile
{
    public static T Read<T>(string path, Func<TextReader, string, T> read)
    {
        InputFileRule.Check(path, InputLimits.MaxTextFileBytes);
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return read(reader, path);
    }

    /// <summary>Throws InvalidDataException listing every error (file:line: message) when there are any.</summary>
    public static void ThrowIfAny(IEnumerable<InputError> errors)
    {
        var list = errors.ToList();
        if (list.Count == 0) return;
        throw new InvalidDataException($"{list.Count} input error(s); nothing was written:\n  " + string.Join("\n  ", list));
    }
}
