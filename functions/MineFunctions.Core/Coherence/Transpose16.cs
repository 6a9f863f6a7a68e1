using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// 16 × 16 float transpose in AVX-512 registers: row i of the source (16 floats at src + i × srcStride)
/// becomes column i of the destination (dst + j × dstStride holds element j of every source row).
/// Moves bits, no arithmetic, so values are unchanged. 64 shuffles: unpack ps, unpack pd (4 × 4 blocks
/// inside each 128-bit lane), then two rounds of 128-bit lane shuffles.
/// </summary>
internal static class Transpose16
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Run(float* src, nint srcStride, float* dst, nint dstStride)
    {
        Quarter(src, srcStride, 0, out var s0, out var s1, out var s2, out var s3);
        Quarter(src, srcStride, 4, out var s4, out var s5, out var s6, out var s7);
        Quarter(src, srcStride, 8, out var s8, out var s9, out var s10, out var s11);
        Quarter(src, srcStride, 12, out var s12, out var s13, out var s14, out var s15);
        // sK (K = 4m + c) holds, in 128-bit lane l, column 4l + c of rows 4m … 4m + 3.
        Lanes(s0, s4, s8, s12, dst, dstStride, 0);
        Lanes(s1, s5, s9, s13, dst, dstStride, 1);
        Lanes(s2, s6, s10, s14, dst, dstStride, 2);
        Lanes(s3, s7, s11, s15, dst, dstStride, 3);
    }

    /// <summary>Rows r … r + 3: 4 × 4 transposes inside each 128-bit lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Quarter(float* src, nint stride, int r, out Vector512<float> c0, out Vector512<float> c1, out Vector512<float> c2, out Vector512<float> c3)
    {
        var r0 = Vector512.Load(src + r * stride);
        var r1 = Vector512.Load(src + (r + 1) * stride);
        var r2 = Vector512.Load(src + (r + 2) * stride);
        var r3 = Vector512.Load(src + (r + 3) * stride);
        var t0 = Avx512F.UnpackLow(r0, r1).AsDouble();
        var t1 = Avx512F.UnpackHigh(r0, r1).AsDouble();
        var t2 = Avx512F.UnpackLow(r2, r3).AsDouble();
        var t3 = Avx512F.UnpackHigh(r2, r3).AsDouble();
        c0 = Avx512F.UnpackLow(t0, t2).AsSingle();
        c1 = Avx512F.UnpackHigh(t0, t2).AsSingle();
        c2 = Avx512F.UnpackLow(t1, t3).AsSingle();
        c3 = Avx512F.UnpackHigh(t1, t3).AsSingle();
    }

    /// <summary>4 × 4 transpose of 128-bit lanes: destination row 4l + c gets lane l of a, b, c, d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Lanes(Vector512<float> a, Vector512<float> b, Vector512<float> c, Vector512<float> d, float* dst, nint stride, int column)
    {
        var v0 = Avx512F.Shuffle4x128(a, b, 0x44); // a.L0 a.L1 b.L0 b.L1
        var v1 = Avx512F.Shuffle4x128(a, b, 0xEE); // a.L2 a.L3 b.L2 b.L3
        var v2 = Avx512F.Shuffle4x128(c, d, 0x44);
        var v3 = Avx512F.Shuffle4x128(c, d, 0xEE);
        Avx512F.Shuffle4x128(v0, v2, 0x88).Store(dst + column * stride);        // lane 0 of a, b, c, d
        Avx512F.Shuffle4x128(v0, v2, 0xDD).Store(dst + (column + 4) * stride);  // lane 1
        Avx512F.Shuffle4x128(v1, v3, 0x88).Store(dst + (column + 8) * stride);  // lane 2
        Avx512F.Shuffle4x128(v1, v3, 0xDD).Store(dst + (column + 12) * stride); // lane 3
    }
}
