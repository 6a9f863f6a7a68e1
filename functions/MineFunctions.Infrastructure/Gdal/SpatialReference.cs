using System.Globalization;
using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// An owned OGR spatial reference, always in traditional GIS axis order (x = easting/longitude,
/// y = northing/latitude), which is the order geotransforms and GeoJSON use.
/// Not thread-safe: one instance per thread.
/// </summary>
internal sealed class SpatialReference : IDisposable
{
    private readonly SpatialReferenceHandle _handle;

    private SpatialReference(SpatialReferenceHandle handle)
    {
        _handle = handle;
        GdalNative.OSRSetAxisMappingStrategy(handle.DangerousGetHandle(), GdalNative.OamsTraditionalGisOrder);
    }

    internal IntPtr Handle => _handle.DangerousGetHandle();

    /// <summary>Parses WKT (or any OSRSetFromUserInput text such as "EPSG:32633").</summary>
    public static SpatialReference Parse(string definition)
    {
        GdalLibrary.EnsureInitialised();
        if (string.IsNullOrWhiteSpace(definition)) throw new GdalException("The raster has no coordinate reference system.");
        var srs = new SpatialReference(New());
        GdalErrors.Reset();
        var err = GdalNative.OSRSetFromUserInput(srs.Handle, definition);
        if (err != 0)
        {
            var ex = GdalErrors.LastError("Parsing the coordinate reference system");
            srs.Dispose();
            throw ex;
        }
        return srs;
    }

    public static SpatialReference FromEpsg(int code)
    {
        GdalLibrary.EnsureInitialised();
        var srs = new SpatialReference(New());
        GdalErrors.Reset();
        if (GdalNative.OSRImportFromEPSG(srs.Handle, code) != 0)
        {
            var ex = GdalErrors.LastError($"EPSG:{code}");
            srs.Dispose();
            throw ex;
        }
        return srs;
    }

    /// <summary>WKT of an EPSG code, e.g. for building a <see cref="GridSpec"/>.</summary>
    public static string WktOfEpsg(int code)
    {
        using var srs = FromEpsg(code);
        return srs.ToWkt();
    }

    public bool IsProjected => GdalNative.OSRIsProjected(Handle) != 0;

    public bool IsGeographic => GdalNative.OSRIsGeographic(Handle) != 0;

    /// <summary>Metres per linear unit of a projected CRS (1 for metres, 0.3048 for feet).</summary>
    public unsafe double MetresPerLinearUnit
    {
        get { IntPtr name; return GdalNative.OSRGetLinearUnits(Handle, &name); }
    }

    /// <summary>Radians per angular unit of a geographic CRS.</summary>
    public unsafe double RadiansPerAngularUnit
    {
        get { IntPtr name; return GdalNative.OSRGetAngularUnits(Handle, &name); }
    }

    public unsafe double SemiMajorMetres
    {
        get { int e; return GdalNative.OSRGetSemiMajor(Handle, &e); }
    }

    public unsafe double InverseFlattening
    {
        get { int e; return GdalNative.OSRGetInvFlattening(Handle, &e); }
    }

    /// <summary>The EPSG code when the CRS carries one or GDAL can identify it; null otherwise.</summary>
    public int? TryGetEpsg()
    {
        if (TryAuthorityCode(out var code)) return code;
        GdalErrors.Reset();
        // Adds the authority to this (owned) object when it recognises a well-known definition.
        if (GdalNative.OSRAutoIdentifyEPSG(Handle) == 0 && TryAuthorityCode(out code)) return code;
        GdalErrors.Reset();
        return null;
    }

    private bool TryAuthorityCode(out int code)
    {
        code = 0;
        var name = Marshal.PtrToStringUTF8(GdalNative.OSRGetAuthorityName(Handle, null));
        var text = Marshal.PtrToStringUTF8(GdalNative.OSRGetAuthorityCode(Handle, null));
        return string.Equals(name, "EPSG", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out code);
    }

    public unsafe string ToWkt()
    {
        IntPtr wkt = IntPtr.Zero;
        GdalErrors.Reset();
        var err = GdalNative.OSRExportToWkt(Handle, &wkt);
        try
        {
            if (err != 0 || wkt == IntPtr.Zero) throw GdalErrors.LastError("Exporting the CRS to WKT");
            return Marshal.PtrToStringUTF8(wkt) ?? "";
        }
        finally
        {
            // OSRExportToWkt hands over a CPLMalloc'ed string.
            if (wkt != IntPtr.Zero) GdalNative.VSIFree(wkt);
        }
    }

    public bool IsSame(SpatialReference other) => GdalNative.OSRIsSame(Handle, other.Handle) != 0;

    /// <summary>Transforms points in place from this CRS to another (both in traditional GIS order).</summary>
    public unsafe void TransformTo(SpatialReference target, double[] x, double[] y)
    {
        GdalErrors.Reset();
        var h = GdalNative.OCTNewCoordinateTransformation(Handle, target.Handle);
        if (h == IntPtr.Zero) throw GdalErrors.LastError("Creating a coordinate transformation");
        using var transform = new CoordinateTransformationHandle(h);
        var z = new double[x.Length];
        fixed (double* px = x, py = y, pz = z)
        {
            if (GdalNative.OCTTransform(h, x.Length, px, py, pz) == 0) throw GdalErrors.LastError("Transforming coordinates");
        }
    }

    public void Dispose() => _handle.Dispose();

    private static SpatialReferenceHandle New()
    {
        var h = GdalNative.OSRNewSpatialReference(null);
        return h == IntPtr.Zero ? throw GdalErrors.LastError("OSRNewSpatialReference") : new SpatialReferenceHandle(h);
    }
}
