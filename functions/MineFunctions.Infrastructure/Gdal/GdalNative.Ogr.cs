using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

// OGR vector access (ogr_api.h), enough to validate polygons before rasterising them.
internal static partial class GdalNative
{
    internal const int WkbPolygon = 3;
    internal const int WkbMultiPolygon = 6;

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALDatasetGetLayerCount(IntPtr dataset);

    /// <summary>Returns a dataset-owned layer: never destroy.</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr GDALDatasetGetLayer(IntPtr dataset, int index);

    /// <summary>Returns a layer-owned name: never free.</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr OGR_L_GetName(IntPtr layer);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void OGR_L_ResetReading(IntPtr layer);

    /// <summary>Returns a caller-owned feature: destroy with OGR_F_Destroy (OgrFeatureHandle).</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr OGR_L_GetNextFeature(IntPtr layer);

    /// <summary>Returns a layer-owned SRS (may be null): never destroy.</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr OGR_L_GetSpatialRef(IntPtr layer);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void OGR_F_Destroy(IntPtr feature);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial long OGR_F_GetFID(IntPtr feature);

    /// <summary>Returns a feature-owned geometry: never destroy.</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr OGR_F_GetGeometryRef(IntPtr feature);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OGR_G_GetGeometryType(IntPtr geometry);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OGR_GT_Flatten(int geometryType);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OGR_G_IsEmpty(IntPtr geometry);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OGR_G_IsValid(IntPtr geometry);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OGR_G_GetGeometryCount(IntPtr geometry);

    /// <summary>Returns a sub-geometry owned by its container: never destroy.</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr OGR_G_GetGeometryRef(IntPtr geometry, int index);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int OGR_G_GetPointCount(IntPtr geometry);
}
