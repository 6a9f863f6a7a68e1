namespace MineFunctions.Core.Ndai;

/// <summary>Runs an element-wise kernel over fixed-size chunks of a range, optionally on several threads.</summary>
internal static class ParallelChunks
{
    // 64 Ki elements: large enough to amortise scheduling, a multiple of every vector width.
    private const int ChunkLength = 1 << 16;

    public static void Run(int length, int maxDegreeOfParallelism, Action<int, int> kernel)
    {
        if (maxDegreeOfParallelism is 0 or < -1) throw new ArgumentOutOfRangeException(nameof(maxDegreeOfParallelism), maxDegreeOfParallelism, "Use -1 (all processors) or a positive thread count.");
        if (maxDegreeOfParallelism == 1 || length <= ChunkLength)
        {
            kernel(0, length);
            return;
        }
        var chunks = (length + ChunkLength - 1) / ChunkLength;
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, k =>
        {
            var start = k * ChunkLength;
            kernel(start, Math.Min(length, start + ChunkLength));
        });
    }
}
