using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// The horizontal window sums of <see cref="CoherenceRowKernel"/>, specialised per window width so
/// every lane shift is an immediate and every absent term compiles away.
/// </summary>
internal static unsafe partial class CoherenceRowKernel
{
    /// <summary>A column count known when the kernel is compiled (the window's reach before or after its centre).</summary>
    private interface IReach
    {
        static abstract int Count { get; }
    }

    private struct Reach0 : IReach { public static int Count => 0; }
    private struct Reach1 : IReach { public static int Count => 1; }
    private struct Reach2 : IReach { public static int Count => 2; }
    private struct Reach3 : IReach { public static int Count => 3; }
    private struct Reach4 : IReach { public static int Count => 4; }
    private struct Reach5 : IReach { public static int Count => 5; }
    private struct Reach6 : IReach { public static int Count => 6; }
    private struct Reach7 : IReach { public static int Count => 7; }
    private struct Reach8 : IReach { public static int Count => 8; }

    /// <summary>The kernel for window width X: reach X / 2 before the centre and X − 1 − X / 2 after (<see cref="CoherenceWindow.Before"/>).</summary>
    private static delegate*<float*, float*, float*, int, int, int, int, int, Workspace, ulong> ForWidth(int x) => x switch
    {
        1 => &Run<Reach0, Reach0>,
        2 => &Run<Reach1, Reach0>,
        3 => &Run<Reach1, Reach1>,
        4 => &Run<Reach2, Reach1>,
        5 => &Run<Reach2, Reach2>,
        6 => &Run<Reach3, Reach2>,
        7 => &Run<Reach3, Reach3>,
        8 => &Run<Reach4, Reach3>,
        9 => &Run<Reach4, Reach4>,
        10 => &Run<Reach5, Reach4>,
        11 => &Run<Reach5, Reach5>,
        12 => &Run<Reach6, Reach5>,
        13 => &Run<Reach6, Reach6>,
        14 => &Run<Reach7, Reach6>,
        15 => &Run<Reach7, Reach7>,
        16 => &Run<Reach8, Reach7>,
        17 => &Run<Reach8, Reach8>,
        _ => throw new ArgumentOutOfRangeException(nameof(x), x, $"The row kernel serves windows up to {2 * MaxReach + 1} columns."),
    };

    /// <summary>
    /// The window sum of the 16 columns of tile <paramref name="c"/> (vertical sums V; <paramref name="l"/>
    /// and <paramref name="r"/> its neighbours): V[x − before] + … + V[x + after], added left to right
    /// (the scalar twin's order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> WindowSum<TBefore, TAfter>(Vector512<float> l, Vector512<float> c, Vector512<float> r)
        where TBefore : struct, IReach
        where TAfter : struct, IReach
    {
        int before = TBefore.Count, after = TAfter.Count;
        var s = Column(l, c, r, -before);
        if (before > 7) s += Column(l, c, r, -7);
        if (before > 6) s += Column(l, c, r, -6);
        if (before > 5) s += Column(l, c, r, -5);
        if (before > 4) s += Column(l, c, r, -4);
        if (before > 3) s += Column(l, c, r, -3);
        if (before > 2) s += Column(l, c, r, -2);
        if (before > 1) s += Column(l, c, r, -1);
        if (before > 0) s += c;
        if (after > 0) s += Column(l, c, r, 1);
        if (after > 1) s += Column(l, c, r, 2);
        if (after > 2) s += Column(l, c, r, 3);
        if (after > 3) s += Column(l, c, r, 4);
        if (after > 4) s += Column(l, c, r, 5);
        if (after > 5) s += Column(l, c, r, 6);
        if (after > 6) s += Column(l, c, r, 7);
        if (after > 7) s += Column(l, c, r, 8);
        return s;
    }

    /// <summary>V[x + k] for the 16 columns x of tile c: a lane shift across the tile and a neighbour.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<float> Column(Vector512<float> l, Vector512<float> c, Vector512<float> r, int k) => k switch
    {
        -8 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 8).AsSingle(),
        -7 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 9).AsSingle(),
        -6 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 10).AsSingle(),
        -5 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 11).AsSingle(),
        -4 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 12).AsSingle(),
        -3 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 13).AsSingle(),
        -2 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 14).AsSingle(),
        -1 => Avx512F.AlignRight32(c.AsUInt32(), l.AsUInt32(), 15).AsSingle(),
        0 => c,
        1 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 1).AsSingle(),
        2 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 2).AsSingle(),
        3 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 3).AsSingle(),
        4 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 4).AsSingle(),
        5 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 5).AsSingle(),
        6 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 6).AsSingle(),
        7 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 7).AsSingle(),
        8 => Avx512F.AlignRight32(r.AsUInt32(), c.AsUInt32(), 8).AsSingle(),
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}
