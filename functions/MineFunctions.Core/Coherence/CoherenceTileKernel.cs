using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// The AVX-512 coherence kernel for windows <see cref="CoherenceRowKernel"/> does not serve (more than
/// 17 columns): window sums in float by van Herk / Gil-Werman block sums, with no
/// subtraction anywhere, so there is no cancellation next to bright scatterers and float's 16 lanes
/// can be used (the double prefix kernel needs double because a prefix difference cancels).
/// </summary>
/// <remarks>
/// Along an axis cut into blocks of the window size (aligned at index 0 of the raster, so nothing
/// depends on strips, bands or threads), a window starting at j is the suffix of j's block from j
/// (S[j]) plus the prefix of the next block before j + size (P[j + size]; 0 when j starts a block):
/// two partial sums, each of at most size terms, one addition, whatever the window size.
/// Rows go through in bands of 16: per 16-column tile the vertical block sums run with the lanes
/// along the row (every row of the band a vector), then a 16 × 16 transpose turns the band's
/// vertical window sums into vectors along the rows, so the horizontal block sums run lane-parallel
/// too, and the 16 γ̂ of a column are transposed back into rows. The vertical state of each tile
/// (the running prefix, the previous block's suffixes, the current block's products) carries over
/// from band to band, so every input row is read once per work unit.
/// A nodata sample (NaN) makes NaN exactly the partial sums that include it, so exactly the windows
/// that hold it come out NaN. The range guard (<see cref="FloatSumRatio"/>) reports a band where
/// float was not safe; the caller then redoes that band in double.
/// </remarks>
internal static unsafe partial class CoherenceTileKernel
{
    public const int Lanes = 16;
    private const int Channels = 4;
    private const int Vec = Lanes;                 // floats per vector
    private const int Group = Channels * Vec;      // floats of one vector per channel

    public static bool IsSupported => Avx512F.IsSupported;

    /// <summary>Floor division for possibly negative indices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int FloorDiv(int a, int b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    /// <summary>Per-thread buffers, 64-byte aligned native memory, sized for one raster width and window.</summary>
    internal sealed class Workspace : IFloatKernel, IDisposable
    {
        public readonly int RingMask, StateStride;
        public readonly float* Ring, ShPrev, ShCur, VBand, Sink, Zeros, Out, Tile, StageA, StageB, State;
        private readonly AlignedFloats memory;

        public Workspace(int width, CoherenceWindow win)
        {
            var ringColumns = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(win.X + 2 * Lanes));
            // Both rings (input columns, output columns) hold X + 32 columns or more: a block reads
            // X columns behind the newest tile, and emits up to X before they are stored, 16 at a time.
            RingMask = ringColumns - 1;
            var stageRows = Lanes + 3 * win.Y + 2; // rows one band steps through, warm-up included
            StateStride = (1 + 2 * win.Y) * Group;
            var tiles = (width + Lanes - 1) / Lanes;
            long ring = (long)ringColumns * Group, sh = (long)win.X * Group, vband = Channels * Lanes * Vec, output = (long)ringColumns * Vec, tile = Lanes * Vec, stage = (long)stageRows * 2 * Vec;
            var total = ring + 2 * sh + 2 * vband + 2 * Vec + output + tile + 2 * stage + (long)tiles * StateStride;
            memory = new AlignedFloats(total);
            Ring = memory.Take(ring);
            ShPrev = memory.Take(sh);
            ShCur = memory.Take(sh);
            VBand = memory.Take(vband);
            Sink = memory.Take(vband);
            Zeros = memory.Take(2 * Vec);
            Out = memory.Take(output);
            Tile = memory.Take(tile);
            StageA = memory.Take(stage);
            StageB = memory.Take(stage);
            State = memory.Take((long)tiles * StateStride);
        }

        public ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1) =>
            CoherenceTileKernel.RunUnit(a, b, output, w, h, win, y0, y1, this);

        public void Dispose() => memory.Dispose();
    }

    /// <summary>
    /// Output rows [y0, y1) in bands of 16. Returns a bit per band (bit k = rows y0 + 16k …) whose
    /// guard tripped; those rows hold float results the caller must replace.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1, Workspace ws)
    {
        int by = CoherenceWindow.Before(win.Y), wy = win.Y;
        var tiles = (w + Lanes - 1) / Lanes;
        // Rows stream from the start of the vertical block that holds the first window's first row.
        var rStart = FloorDiv(y0 - by, wy) * wy;
        // Only the running prefixes need a start (zero: rStart begins a block); the suffixes and
        // products of a tile are written before an output row
        // reads them (warm-up rows read them into the sink only).
        for (var t = 0; t < tiles; t++) new Span<float>(ws.State + (long)t * ws.StateStride, Group).Clear();
        ulong tripped = 0;
        var band = 0;
        for (var yb = y0; yb < y1; yb += Lanes, band++)
        {
            var ye = Math.Min(y1, yb + Lanes);
            var rFrom = yb == y0 ? rStart : yb + CoherenceWindow.After(wy) + 1;
            if (!RunBand(a, b, output, w, h, win, yb, ye, rFrom, ws)) tripped |= 1UL << band;
        }
        return tripped;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool RunBand(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int yb, int ye, int rFrom, Workspace ws)
    {
        int wx = win.X, bx = CoherenceWindow.Before(wx);
        // Rows of a partial band carry no output: zero sums, so their lanes compute 0 and trip
        // nothing. (A full band's vertical pass writes all 16 rows.)
        if (ye - yb < Lanes) new Span<float>(ws.VBand, Channels * Lanes * Vec).Clear();

        var k0 = FloorDiv(-bx, wx);              // block of the first window's first column
        var kLast = FloorDiv(w - 1 - bx, wx);    // block of the last window's first column
        var uStart = FloorDiv(k0 * wx, Lanes) * Lanes;
        var uEnd = ((kLast + 2) * wx + Lanes - 1) / Lanes * Lanes;
        var row = new Horizontal(ws, wx, bx, w, k0, kLast + 1);
        for (var u0 = uStart; u0 < uEnd; u0 += Lanes)
        {
            var column = ws.Ring + (u0 & ws.RingMask) * Group;
            if (u0 >= 0 && u0 < w)
            {
                Vertical(a, b, w, h, win.Y, yb, ye, rFrom, u0, ws);
                for (var c = 0; c < Channels; c++) Transpose16.Run(ws.VBand + c * Lanes * Vec, Vec, column + c * Vec, Group);
            }
            else
            {
                new Span<float>(column, Lanes * Group).Clear(); // columns outside the raster add zeros
            }
            row.Advance(u0 + Lanes, output, yb, ye);
        }
        row.Flush(output, yb, ye);
        return !row.Tripped;
    }
}
