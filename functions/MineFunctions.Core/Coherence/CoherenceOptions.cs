namespace MineFunctions.Core.Coherence;

/// <summary>
/// Tuning of <see cref="CoherenceEstimator"/>. None of these change the result except
/// <see cref="EdgeMode"/>: the row-block height is fixed (not derived from the thread count), so the
/// output is bit-identical for any <see cref="MaxDegreeOfParallelism"/> and with <see cref="ForceScalar"/>.
/// </summary>
public sealed record CoherenceOptions
{
    public static CoherenceOptions Default { get; } = new();

    public CoherenceEdgeMode EdgeMode { get; init; } = CoherenceEdgeMode.Truncate;

    /// <summary>Threads over row blocks; -1 = all processors.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Use the scalar twin of this machine's vector kernel (the float kernels on AVX-512, else the
    /// double prefix sums): the same bits, slower; tests compare the two paths.
    /// </summary>
    public bool ForceScalar { get; init; }

    /// <summary>
    /// Output rows per block: the threads' unit of work. The double prefix kernel restarts its
    /// running sums per block, which bounds their cancellation error. The float kernels round
    /// up to whole 16-row bands (and at least two window heights); their sums do not depend on where a
    /// block starts, so there the block only decides which rows a band redone in double spans. 128:
    /// each unit reads ~Y extra rows before its first, and 128-row units measured ~5 % faster than 64
    /// on two threads with the tile kernel (the double kernel: no difference).
    /// </summary>
    public int BlockRows { get; init; } = 128;
}
