using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

// OGR spatial references (ogr_srs_api.h). Owned SRS handles live in SpatialReferenceHandle.
internal static partial class GdalNative
{
    internal const int OamsTraditionalGisOrder = 0;

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr OSRNewSpatialReference(string? wkt);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void OSRDestroySpatialReference(IntPtr srs);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OSRImportFromEPSG(IntPtr srs, int epsg);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int OSRSetFromUserInput(IntPtr srs, string definition);

    /// <summary>Allocates *wkt; free it with VSIFree (CPLFree).</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int OSRExportToWkt(IntPtr srs, IntPtr* wkt);

    /// <summary>Returns an SRS-owned string: never free.</summary>
    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr OSRGetAuthorityCode(IntPtr srs, string? targetKey);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr OSRGetAuthorityName(IntPtr srs, string? targetKey);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OSRAutoIdentifyEPSG(IntPtr srs);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OSRIsProjected(IntPtr srs);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OSRIsGeographic(IntPtr srs);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OSRIsSame(IntPtr a, IntPtr b);

    /// <summary>*name points into the SRS (never free).</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial double OSRGetLinearUnits(IntPtr srs, IntPtr* name);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial double OSRGetAngularUnits(IntPtr srs, IntPtr* name);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial double OSRGetSemiMajor(IntPtr srs, int* error);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial double OSRGetInvFlattening(IntPtr srs, int* error);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void OSRSetAxisMappingStrategy(IntPtr srs, int strategy);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr OCTNewCoordinateTransformation(IntPtr source, IntPtr target);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void OCTDestroyCoordinateTransformation(IntPtr transform);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int OCTTransform(IntPtr transform, int count, double* x, double* y, double* z);
}
