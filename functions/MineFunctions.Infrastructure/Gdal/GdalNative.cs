using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Raw GDAL C API entry points. Never marshal a GDAL-owned <c>const char*</c> as <c>string</c>:
/// the marshaller would free GDAL's memory. Such returns are <see cref="IntPtr"/> and copied with
/// <see cref="Marshal.PtrToStringUTF8(IntPtr)"/>.
/// </summary>
internal static partial class GdalNative
{
    [LibraryImport(GdalLibrary.Name)]
    internal static partial void GDALAllRegister();

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr GDALVersionInfo(string request);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate void CplErrorHandler(int errorClass, int errorNumber, IntPtr message);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr CPLSetErrorHandler(IntPtr handler);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void CPLErrorReset();

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int CPLGetLastErrorType();

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int CPLGetLastErrorNo();

    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr CPLGetLastErrorMsg();
}
