using Microsoft.Win32.SafeHandles;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// An open GDALDatasetH, closed (GDALClose) exactly once. A handle belongs to one thread at a time:
/// GDAL datasets are not thread-safe, so never share one between concurrent callers.
/// </summary>
internal sealed class DatasetHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DatasetHandle() : base(ownsHandle: true) { }

    internal DatasetHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    /// <summary>
    /// Closes now and reports what GDALClose reported: for a written file this is when GDAL flushes
    /// and compresses, so a full disk must surface here, not be lost in a finaliser.
    /// </summary>
    internal void CloseAndCheck(string operation)
    {
        if (IsInvalid || IsClosed) return;
        var h = handle;
        SetHandleAsInvalid();
        GdalErrors.Reset();
        GdalNative.GDALClose(h);
        GdalErrors.ThrowIfFailed(operation);
    }

    protected override bool ReleaseHandle()
    {
        GdalNative.GDALClose(handle);
        return true;
    }
}

/// <summary>An owned OGRSpatialReferenceH (OSRDestroySpatialReference on release).</summary>
internal sealed class SpatialReferenceHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SpatialReferenceHandle() : base(ownsHandle: true) { }

    internal SpatialReferenceHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GdalNative.OSRDestroySpatialReference(handle);
        return true;
    }
}

/// <summary>An owned OGRFeatureH (OGR_F_Destroy on release).</summary>
internal sealed class OgrFeatureHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    internal OgrFeatureHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GdalNative.OGR_F_Destroy(handle);
        return true;
    }
}

/// <summary>An owned OGRCoordinateTransformationH.</summary>
internal sealed class CoordinateTransformationHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    internal CoordinateTransformationHandle(IntPtr handle) : base(ownsHandle: true) => SetHandle(handle);

    protected override bool ReleaseHandle()
    {
        GdalNative.OCTDestroyCoordinateTransformation(handle);
        return true;
    }
}
