using MineFunctions.Core.Coherence;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>Summary of a coherence run on files.</summary>
public sealed record CoherenceRunSummary(int Width, int Height, CoherenceWindow Window, long NoDataPixels, int Strips);

/// <summary>
/// Coherence of a coregistered complex pair on disk (METHOD.md §1.2) with the Core estimator,
/// strip by strip: each strip of output rows is computed from its input rows plus the window's halo
/// above and below, so results equal the whole-raster estimate while memory stays at a few strips.
/// Both inputs must be complex (CFloat32, CInt16, ...) on the same grid; nodata → NaN in the output.
/// </summary>
public static class CoherenceRasters
{
    public static CoherenceRunSummary Compute(string referencePath, string secondaryPath, string outputPath, CoherenceWindow window,
        CoherenceEdgeMode edgeMode = CoherenceEdgeMode.Truncate, int stripRows = 512, GeoTiffOptions? output = null, RasterReadOptions? read = null)
    {
        window.Validate();
        if (stripRows < 1) throw new ArgumentOutOfRangeException(nameof(stripRows), "Strips need at least one row.");
        using var reference = GdalRaster.Open(referencePath, read);
        using var secondary = GdalRaster.Open(secondaryPath, read);
        foreach (var r in new[] { reference, secondary })
        {
            if (!r.Info.DataType.IsComplex())
                throw new InvalidDataException($"'{r.Source}' is {r.Info.DataType}, not a complex SLC (CFloat32, CInt16, ...): coherence needs complex samples.");
        }
        GridCheck.EnsureSameGrid(reference.Grid, referencePath, secondary.Grid, secondaryPath);

        var grid = reference.Grid;
        int w = grid.Width, h = grid.Height;
        // Window extent around a pixel, as CoherenceWindow documents it: x − X/2 … x + (X − 1 − X/2).
        int before = window.Y / 2, after = window.Y - 1 - window.Y / 2;
        int beforeX = window.X / 2, afterX = window.X - 1 - window.X / 2;
        var maxInputRows = Math.Min(h, stripRows + before + after);
        (read ?? RasterReadOptions.Default).EnsureWithinBudget(2L * w * maxInputRows, 2 * sizeof(float), "Coherence strips (two complex inputs)");

        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["COHERENCE_WINDOW"] = window.ToString(),
            ["COHERENCE_EDGES"] = edgeMode.ToString(),
        };
        if (reference.Info.Metadata.TryGetValue("FIRST_DATE", out var fd) && secondary.Info.Metadata.TryGetValue("SECOND_DATE", out var sd))
        {
            tags["FIRST_DATE"] = fd;
            tags["SECOND_DATE"] = sd;
        }
        using var writer = new GeoTiffStripWriter(outputPath, grid, (output ?? GeoTiffOptions.Default) with { Metadata = tags, CloudOptimised = false });
        var a = new float[2L * w * maxInputRows];
        var b = new float[2L * w * maxInputRows];
        var gamma = new float[(long)w * maxInputRows];
        long noData = 0;
        var strips = 0;
        for (var y0 = 0; y0 < h; y0 += stripRows)
        {
            var y1 = Math.Min(h, y0 + stripRows);
            var in0 = Math.Max(0, y0 - before);
            var in1 = Math.Min(h, y1 + after);
            var rows = in1 - in0;
            var inWindow = new RasterWindow(0, in0, w, rows);
            var sa = a.AsSpan(0, 2 * w * rows);
            var sb = b.AsSpan(0, 2 * w * rows);
            var sg = gamma.AsSpan(0, w * rows);
            reference.ReadComplex64(1, inWindow, sa);
            secondary.ReadComplex64(1, inWindow, sb);
            // Truncate inside the strip: the halo rows make every output row's window identical to the
            // whole-raster one; the raster's own edges are handled below for NoData mode.
            CoherenceEstimator.Estimate(sa, sb, w, rows, window, sg, new CoherenceOptions { EdgeMode = CoherenceEdgeMode.Truncate });
            var outRows = sg.Slice((y0 - in0) * w, (y1 - y0) * w);
            if (edgeMode == CoherenceEdgeMode.NoData)
            {
                for (var y = y0; y < y1; y++)
                {
                    var row = outRows.Slice((y - y0) * w, w);
                    if (y < before || y >= h - after) { row.Fill(float.NaN); continue; }
                    row[..Math.Min(w, beforeX)].Fill(float.NaN);
                    row[Math.Max(0, w - afterX)..].Fill(float.NaN);
                }
            }
            foreach (var v in outRows)
            {
                if (float.IsNaN(v)) noData++;
            }
            writer.WriteRows(y0, outRows);
            strips++;
        }
        writer.Complete();
        return new CoherenceRunSummary(w, h, window, noData, strips);
    }
}
