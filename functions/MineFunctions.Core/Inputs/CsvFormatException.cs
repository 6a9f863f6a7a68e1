namespace MineFunctions.Core.Inputs;

/// <summary>A CSV that cannot be read on from <see cref="Line"/> (an unclosed quote, a bound of <see cref="InputLimits"/> passed).</summary>
public sealed class CsvFormatException(int line, string message) : FormatException(message)
{
    /// <summary>The 1-based line of the record where reading stopped.</summary>
    public int Line { get; } = line;
}
