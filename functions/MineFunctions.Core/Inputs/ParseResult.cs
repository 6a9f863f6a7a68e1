namespace MineFunctions.Core.Inputs;

/// <summary>A value read from one CSV record, with the line the record starts on (for later cross-file checks).</summary>
public sealed record Parsed<T>(T Value, int Line);

/// <summary>
/// The outcome of reading one input file: every good row and every error. Readers never stop at the
/// first bad row, so a user sees all problems of a file at once; callers write nothing when
/// <see cref="Errors"/> is not empty.
/// </summary>
public sealed record ParseResult<T>(string File, IReadOnlyList<Parsed<T>> Rows, IReadOnlyList<InputError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public IReadOnlyList<T> Values => Rows.Select(r => r.Value).ToList();
}
