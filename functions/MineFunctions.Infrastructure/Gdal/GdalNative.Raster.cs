using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

// Dataset, band, driver and RasterIO entry points (gdal.h). Handles are plain IntPtr here; ownership
// lives in the SafeHandle wrappers (DatasetHandle) so every open dataset is closed exactly once.
internal static partial class GdalNative
{
    internal const uint OfReadOnly = 0x00;
    internal const uint OfUpdate = 0x01;
    internal const uint OfRaster = 0x02;
    internal const uint OfVector = 0x04;
    internal const uint OfVerboseError = 0x40;

    internal const int GfRead = 0;
    internal const int GfWrite = 1;

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GDALOpenEx(string fileName, uint openFlags, IntPtr allowedDrivers, IntPtr openOptions, IntPtr siblingFiles);

    // void in GDAL 3.6 (CPLErr from 3.8); errors while flushing are read from CPLGetLastErrorType.
    [LibraryImport(GdalLibrary.Name)]
    internal static partial void GDALClose(IntPtr dataset);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GDALGetDriverByName(string name);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr GDALGetDatasetDriver(IntPtr dataset);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr GDALGetDriverShortName(IntPtr driver);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GDALCreate(IntPtr driver, string fileName, int width, int height, int bands, int dataType, IntPtr options);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GDALCreateCopy(IntPtr driver, string fileName, IntPtr source, int strict, IntPtr options, IntPtr progress, IntPtr progressData);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALGetRasterXSize(IntPtr dataset);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALGetRasterYSize(IntPtr dataset);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALGetRasterCount(IntPtr dataset);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr GDALGetRasterBand(IntPtr dataset, int band);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALGetRasterDataType(IntPtr band);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALGetDataTypeSizeBytes(int dataType);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial void GDALGetBlockSize(IntPtr band, int* blockX, int* blockY);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int GDALGetGeoTransform(IntPtr dataset, double* transform);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int GDALSetGeoTransform(IntPtr dataset, double* transform);

    /// <summary>Returns a dataset-owned WKT string: never free, copy at once.</summary>
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr GDALGetProjectionRef(IntPtr dataset);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALSetProjection(IntPtr dataset, string wkt);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial double GDALGetRasterNoDataValue(IntPtr band, int* success);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALSetRasterNoDataValue(IntPtr band, double value);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALSetRasterColorInterpretation(IntPtr band, int colorInterpretation);

    /// <summary>Returns an object-owned char** list: never free.</summary>
    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GDALGetMetadata(IntPtr majorObject, string? domain);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int GDALSetMetadataItem(IntPtr majorObject, string name, string value, string? domain);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial int GDALRasterIO(IntPtr band, int readWrite, int xOff, int yOff, int xSize, int ySize,
        void* buffer, int bufferXSize, int bufferYSize, int bufferType, int pixelSpace, int lineSpace);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int GDALFlushCache(IntPtr dataset);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr GDALRasterizeOptionsNew(IntPtr argv, IntPtr optionsForBinary);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void GDALRasterizeOptionsFree(IntPtr options);

    [LibraryImport(GdalLibrary.Name)]
    internal static unsafe partial IntPtr GDALRasterize(IntPtr destName, IntPtr destDataset, IntPtr sourceDataset, IntPtr options, int* usageError);
}
