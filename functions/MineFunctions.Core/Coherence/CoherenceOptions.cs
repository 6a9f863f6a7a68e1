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

    /// <summary>Use the scalar loops instead of Vector&lt;double&gt; (tests compare the two paths).</summary>
    public bool ForceScalar { get; init; }

    /// <summary>
    /// Output rows per block. Each block restarts its running (prefix) sums, which bounds the
    /// cancellation error of the sums and gives the threads independent work.
    /// </summary>
    public int BlockRows { get; init; } = 64;
}
