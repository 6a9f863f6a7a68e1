namespace MineFunctions.Core.Coherence;

public static partial class CoherenceEstimator
{
    /// <summary>
    /// Rows per unit of parallel work for the float kernels: <see cref="CoherenceOptions.BlockRows"/>
    /// rounded up to whole bands, and at least two window heights, so the rows a unit reads before
    /// its first band (up to ~2 Y) stay a bounded share of its work whatever the window; at most
    /// 64 bands, one bit each in the unit's tripped-band mask (past 64 the shift would wrap and
    /// alias bands: still correct, but redoing bands that need no double). 2 Y ≤ 510 always fits.
    /// </summary>
    internal static int FloatUnitRows(int blockRows, CoherenceWindow win) =>
        Math.Min(RoundUp(Math.Max(blockRows, 2 * win.Y), CoherenceTileKernel.Lanes), MaxUnitBands * CoherenceTileKernel.Lanes);

    private const int MaxUnitBands = 64;

    /// <summary>
    /// The float path: <see cref="CoherenceRowKernel"/> or <see cref="CoherenceTileKernel"/>
    /// (AVX-512), or their scalar twins, unit by unit; a band whose range guard tripped is redone
    /// by the double prefix kernel (<see cref="RunBlock"/>), which also handles its nodata and edges.
    /// </summary>
    private static unsafe void EstimateFloat(float* a, float* b, float* o, int w, int h, CoherenceWindow win, CoherenceOptions options, bool scalar)
    {
        var unitRows = FloatUnitRows(options.BlockRows, win);
        var units = (h + unitRows - 1) / unitRows;
        nint pa = (nint)a, pb = (nint)b, po = (nint)o;
        int bx = CoherenceWindow.Before(win.X), ax = CoherenceWindow.After(win.X);
        int by = CoherenceWindow.Before(win.Y), ay = CoherenceWindow.After(win.Y);
        Parallel.For(
            0,
            units,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            () => new FloatWorkspace(w, win, scalar),
            (unit, _, ws) =>
            {
                float* ra = (float*)pa, rb = (float*)pb, output = (float*)po;
                int y0 = unit * unitRows, y1 = Math.Min(h, y0 + unitRows);
                var tripped = ws.Kernel.RunUnit(ra, rb, output, w, h, win, y0, y1);
                for (int yb = y0, band = 0; yb < y1; yb += CoherenceTileKernel.Lanes, band++)
                {
                    var ye = Math.Min(y1, yb + CoherenceTileKernel.Lanes);
                    if ((tripped >> band & 1) != 0)
                        RunBlock(ra, rb, output, w, h, win, yb, ye, !scalar, options.EdgeMode, ws.Double);
                    else if (options.EdgeMode == CoherenceEdgeMode.NoData)
                        for (var y = yb; y < ye; y++) MarkIncompleteWindows(output + (long)y * w, y, w, h, bx, ax, by, ay);
                }
                return ws;
            },
            ws => ws.Dispose());
    }

    /// <summary>
    /// One thread's buffers for the float path: the row kernel for windows of up to 17 columns (the
    /// default among them), else the tile kernel, or their scalar twins; the double
    /// kernel's only if a guard trips.
    /// </summary>
    private sealed class FloatWorkspace(int width, CoherenceWindow win, bool scalar) : IDisposable
    {
        private Workspace? doubles;

        public IFloatKernel Kernel { get; } = (CoherenceRowKernel.Serves(win), scalar) switch
        {
            (true, false) => new CoherenceRowKernel.Workspace(width, win),
            (true, true) => new CoherenceRowSumsScalar.Workspace(width, win),
            (false, false) => new CoherenceTileKernel.Workspace(width, win),
            (false, true) => new CoherenceBlockSumsScalar.Workspace(width, win),
        };

        public Workspace Double => doubles ??= new Workspace(width, win);

        public void Dispose() => (Kernel as IDisposable)?.Dispose();
    }
}
