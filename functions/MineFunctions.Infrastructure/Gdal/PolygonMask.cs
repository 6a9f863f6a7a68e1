using System.Runtime.InteropServices;
using System.Text;
using MineFunctions.Core.Inputs;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Rasterises mine polygons onto a raster grid (METHOD.md §1.5: "mask to the mine polygon ...
/// reprojected to the raster grid"). Sources: GeoJSON (Feature, FeatureCollection, Polygon,
/// MultiPolygon, holes) and shapefiles, plain or zipped, in any CRS. GDAL's own GDALRasterize (the
/// library behind gdal_rasterize) reprojects the polygons to the grid's CRS and burns them, so the
/// mask equals `gdal_rasterize -burn 1 [-at]` pixel for pixel. Result: one byte per pixel, 1 inside, 0 outside.
/// </summary>
public static class PolygonMask
{
    /// <summary>Rasterises a vector file: .geojson/.json, .shp, or a .zip holding a shapefile.</summary>
    public static byte[] Rasterize(string vectorPath, GridSpec grid, bool allTouched = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(vectorPath);
        if (!vectorPath.StartsWith("/vsi", StringComparison.Ordinal) && !File.Exists(vectorPath))
            throw new FileNotFoundException($"Polygon file '{vectorPath}' does not exist.", vectorPath);
        var gdalPath = vectorPath.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) && !vectorPath.StartsWith("/vsizip/", StringComparison.Ordinal)
            ? "/vsizip/" + vectorPath
            : vectorPath;
        return RasterizeGdalPath(gdalPath, vectorPath, grid, allTouched);
    }

    /// <summary>Rasterises polygon content held in memory (e.g. a blob); <paramref name="fileName"/> gives the format by extension (.geojson, .json, .zip).</summary>
    public static byte[] RasterizeContent(ReadOnlySpan<byte> content, string fileName, GridSpec grid, bool allTouched = false)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        using var file = VsiMemFile.FromBytes(content, extension);
        var gdalPath = extension == ".zip" ? "/vsizip/" + file.Path : file.Path;
        return RasterizeGdalPath(gdalPath, fileName, grid, allTouched);
    }

    public static byte[] RasterizeGeoJson(string geoJson, GridSpec grid, bool allTouched = false) =>
        RasterizeContent(Encoding.UTF8.GetBytes(geoJson), "polygon.geojson", grid, allTouched);

    private static unsafe byte[] RasterizeGdalPath(string gdalPath, string displayName, GridSpec grid, bool allTouched)
    {
        RasterReadOptions.Default.EnsureWithinBudget(grid.PixelCount, 1, $"A {grid.Width}×{grid.Height} mask");
        if (string.IsNullOrWhiteSpace(grid.CrsWkt)) throw new PolygonMaskException("The raster grid has no CRS: the polygon cannot be placed on it.");
        GdalDataset vector;
        try
        {
            vector = GdalDataset.Open(gdalPath, vector: true);
        }
        catch (GdalFormatException ex)
        {
            throw new PolygonMaskException($"'{displayName}' is not a readable GeoJSON or shapefile: {ex.Message.Replace(gdalPath, displayName, StringComparison.Ordinal)}");
        }
        using (vector)
        {
            var layers = ValidatedLayerNames(vector, displayName);
            using var target = GdalDataset.CreateInMemory(grid, 1, RasterDataType.Byte);
            var args = new List<string> { "-burn", "1" };
            foreach (var name in layers) { args.Add("-l"); args.Add(name); }
            if (allTouched) args.Add("-at");
            using var argv = new Utf8StringList(args);
            GdalErrors.Reset();
            var options = GdalNative.GDALRasterizeOptionsNew(argv.Pointer, IntPtr.Zero);
            if (options == IntPtr.Zero) throw GdalErrors.LastError("GDALRasterizeOptionsNew");
            try
            {
                int usageError = 0;
                GdalErrors.Reset();
                var result = GdalNative.GDALRasterize(IntPtr.Zero, target.Handle, vector.Handle, options, &usageError);
                // With a destination dataset given, GDALRasterize returns that same handle (never closed here).
                if (result == IntPtr.Zero || usageError != 0) throw GdalErrors.LastError($"Rasterising '{displayName}'");
            }
            finally
            {
                GdalNative.GDALRasterizeOptionsFree(options);
            }
            var mask = new byte[grid.PixelCount];
            target.Read<byte>(1, RasterWindow.Whole(grid.Width, grid.Height), RasterDataType.Byte, mask);
            if (!mask.AsSpan().ContainsAnyExcept((byte)0))
                throw new PolygonMaskException(
                    $"The polygon in '{displayName}' covers no pixel of the {grid.Width}×{grid.Height} raster: it does not overlap the raster" +
                    (allTouched ? "." : ", or it is smaller than a pixel (all-touched rasterisation would include the touched pixels)."));
            return mask;
        }
    }

    /// <summary>Checks every feature: a non-empty, valid Polygon or MultiPolygon, in a layer with a CRS.</summary>
    private static List<string> ValidatedLayerNames(GdalDataset vector, string displayName)
    {
        var names = new List<string>();
        var layerCount = GdalNative.GDALDatasetGetLayerCount(vector.Handle);
        var polygons = 0;
        long vertices = 0;
        for (var i = 0; i < layerCount; i++)
        {
            var layer = GdalNative.GDALDatasetGetLayer(vector.Handle, i);
            var name = Marshal.PtrToStringUTF8(GdalNative.OGR_L_GetName(layer)) ?? "";
            if (GdalNative.OGR_L_GetSpatialRef(layer) == IntPtr.Zero)
                throw new PolygonMaskException($"Layer '{name}' of '{displayName}' has no CRS (a shapefile needs its .prj): the polygon cannot be placed on the raster.");
            GdalNative.OGR_L_ResetReading(layer);
            while (true)
            {
                GdalErrors.Reset();
                var f = GdalNative.OGR_L_GetNextFeature(layer);
                if (f == IntPtr.Zero)
                {
                    GdalErrors.ThrowIfFailed($"Reading features of '{displayName}'");
                    break;
                }
                using var feature = new OgrFeatureHandle(f);
                var fid = GdalNative.OGR_F_GetFID(f);
                var geometry = GdalNative.OGR_F_GetGeometryRef(f);
                // GDAL reads a GeoJSON geometry with no coordinates as a missing geometry: both are "empty" to the user.
                if (geometry == IntPtr.Zero) throw new PolygonMaskException($"Feature {fid} of '{displayName}' has an empty or missing geometry.");
                var type = GdalNative.OGR_GT_Flatten(GdalNative.OGR_G_GetGeometryType(geometry));
                if (type is not (GdalNative.WkbPolygon or GdalNative.WkbMultiPolygon))
                    throw new PolygonMaskException($"Feature {fid} of '{displayName}' is not a Polygon or MultiPolygon (OGR geometry type {type}).");
                if (GdalNative.OGR_G_IsEmpty(geometry) != 0) throw new PolygonMaskException($"Feature {fid} of '{displayName}' has an empty geometry.");
                // Counted before the validity check, whose cost grows with the vertices.
                vertices += Vertices(geometry);
                if (vertices > InputLimits.MaxPolygonVertices)
                    throw new PolygonMaskException($"'{displayName}' has more than {InputLimits.MaxPolygonVertices} vertices (the limit of a mine polygon; feature {fid} passes it).");
                GdalErrors.Reset();
                if (GdalNative.OGR_G_IsValid(geometry) == 0)
                    throw new PolygonMaskException($"Feature {fid} of '{displayName}' is an invalid polygon (self-intersection, unclosed ring or a hole outside its shell).");
                GdalErrors.Reset();
                polygons++;
            }
            names.Add(name);
        }
        if (polygons == 0) throw new PolygonMaskException($"'{displayName}' holds no polygon.");
        return names;
    }

    /// <summary>Points of a geometry's rings: a polygon holds rings, a multipolygon polygons.</summary>
    private static long Vertices(IntPtr geometry)
    {
        var parts = GdalNative.OGR_G_GetGeometryCount(geometry);
        if (parts == 0) return GdalNative.OGR_G_GetPointCount(geometry);
        long sum = 0;
        for (var i = 0; i < parts; i++) sum += Vertices(GdalNative.OGR_G_GetGeometryRef(geometry, i));
        return sum;
    }
}
