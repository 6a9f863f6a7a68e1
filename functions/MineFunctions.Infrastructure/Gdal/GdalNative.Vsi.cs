using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

// Virtual file system (/vsimem/) and CPL memory. Memory GDAL hands over is freed with VSIFree/CPLFree
// (the same allocator on every platform GDAL supports), never with Marshal.FreeHGlobal.
internal static partial class GdalNative
{
    [LibraryImport(GdalLibrary.Name)]
    internal static partial IntPtr VSIMalloc(nuint size);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void VSIFree(IntPtr pointer);

    /// <summary>bTakeOwnership = 1: the buffer (from VSIMalloc) is freed by GDAL when the file is unlinked.</summary>
    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr VSIFileFromMemBuffer(string fileName, IntPtr data, ulong length, int takeOwnership);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial int VSIFCloseL(IntPtr file);

    /// <summary>With unlinkAndSeize = 1 the caller owns the returned buffer and frees it with VSIFree.</summary>
    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static unsafe partial IntPtr VSIGetMemFileBuffer(string fileName, ulong* length, int unlinkAndSeize);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int VSIUnlink(string fileName);

    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void CPLSetThreadLocalConfigOption(string key, string? value);

    /// <summary>Caller-owned char** list: free with CSLDestroy.</summary>
    [LibraryImport(GdalLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr VSIReadDir(string path);

    [LibraryImport(GdalLibrary.Name)]
    internal static partial void CSLDestroy(IntPtr list);
}
