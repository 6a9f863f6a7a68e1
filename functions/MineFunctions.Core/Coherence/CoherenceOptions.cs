namespace MineFunctions.Core.Coherence;

/// <summary>
/// Tuning of <see cref="CoherenceEstimator"/>. Only <see cref="EdgeMode"/> changes the result: every
/// window's sums are added in an order fixed by the window, so the output is bit-identical for any
/// <see cref="MaxDegreeOfParallelism"/> and <see cref="BlockRows"/>.
/// </summary>
public sealed record CoherenceOptions
{
    public static CoherenceOptions Default { get; } = new();

    public CoherenceEdgeMode EdgeMode { get; init; } = CoherenceEdgeMode.Truncate;

    /// <summary>Threads over row blocks; -1 = all processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Output rows per block, the threads' unit of work. Each block first reads the Y − 1 rows above
    /// its first window bottom, so blocks much taller than the window keep that overhead small.
    /// </summary>
    public int BlockRows { get; init; } = 128;

    /// <summary>
    /// Run the kernel on <see cref="System.Numerics.Vector{T}"/> even where Vector512 is accelerated:
    /// the same bits, so tests cover both instantiations of the kernel in one pass.
    /// </summary>
    internal bool PortableVectors { get; init; }
}
