using System.Runtime.InteropServices;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// One zeroed, 64-byte aligned block of native floats, handed out in consecutive slices: the
/// per-thread buffers of the AVX-512 kernels (aligned for 512-bit loads, outside the GC heap so
/// raw pointers stay valid, one allocation per workspace).
/// </summary>
internal sealed unsafe class AlignedFloats : IDisposable
{
    private readonly float* start;
    private readonly long length;
    private long used;

    public AlignedFloats(long length)
    {
        this.length = length;
        start = (float*)NativeMemory.AlignedAlloc((nuint)(length * sizeof(float)), 64);
        NativeMemory.Clear(start, (nuint)(length * sizeof(float)));
    }

    /// <summary>The next <paramref name="count"/> floats (a multiple of 16 keeps the next slice aligned).</summary>
    public float* Take(long count)
    {
        if (used + count > length) throw new InvalidOperationException($"Buffer of {length} floats exhausted: {used} used, {count} more asked.");
        var p = start + used;
        used += count;
        return p;
    }

    public void Dispose() => NativeMemory.AlignedFree(start);
}
