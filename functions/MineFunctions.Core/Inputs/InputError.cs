namespace MineFunctions.Core.Inputs;

/// <summary>One problem in an input file, located by file name and 1-based line number (line 1 = header).</summary>
public sealed record InputError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
