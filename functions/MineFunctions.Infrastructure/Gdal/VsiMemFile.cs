using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// A file in GDAL's in-memory file system (<c>/vsimem/</c>) under a unique name, so blob content
/// is opened without temp files. The bytes are copied once into a VSIMalloc buffer that GDAL owns
/// and frees at VSIUnlink (dispose).
/// </summary>
internal sealed class VsiMemFile : IDisposable
{
    private int _disposed;

    private VsiMemFile(string path) => Path = path;

    /// <summary>The /vsimem/ path to give GDAL.</summary>
    public string Path { get; }

    /// <summary>A fresh unique /vsimem/ name with the given extension (drivers sniff by extension for some formats).</summary>
    public static string UniqueName(string extension) =>
        $"/vsimem/minefunctions/{Guid.NewGuid():N}{(extension.StartsWith('.') || extension.Length == 0 ? extension : "." + extension)}";

    public static VsiMemFile FromBytes(ReadOnlySpan<byte> content, string extension) => FromBytesAt(content, UniqueName(extension));

    /// <summary>A /vsimem/ file at a given path (e.g. an ENVI .hdr beside its .img, both under one <see cref="UniqueName"/> stem).</summary>
    public static unsafe VsiMemFile FromBytesAt(ReadOnlySpan<byte> content, string path)
    {
        GdalLibrary.EnsureInitialised();
        // VSIMalloc(0) may return null: allocate at least one byte, declare the real length.
        var buffer = GdalNative.VSIMalloc((nuint)Math.Max(1, content.Length));
        if (buffer == IntPtr.Zero) throw new OutOfMemoryException($"VSIMalloc of {content.Length} bytes failed.");
        content.CopyTo(new Span<byte>((void*)buffer, content.Length));
        GdalErrors.Reset();
        var fp = GdalNative.VSIFileFromMemBuffer(path, buffer, (ulong)content.Length, takeOwnership: 1);
        if (fp == IntPtr.Zero)
        {
            GdalNative.VSIFree(buffer);
            throw GdalErrors.LastError($"VSIFileFromMemBuffer({path})");
        }
        GdalNative.VSIFCloseL(fp);
        return new VsiMemFile(path);
    }

    /// <summary>Reads a stream to its end into a /vsimem/ file.</summary>
    public static async Task<VsiMemFile> FromStreamAsync(Stream stream, string extension, CancellationToken cancellationToken)
    {
        using var copy = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return FromBytes(copy.GetBuffer().AsSpan(0, (int)copy.Length), extension);
    }

    /// <summary>An empty name for GDAL to write into; <see cref="TakeBytes"/> returns what it wrote.</summary>
    public static VsiMemFile ForWriting(string extension)
    {
        GdalLibrary.EnsureInitialised();
        return new VsiMemFile(UniqueName(extension));
    }

    /// <summary>
    /// Copies the file's bytes out and removes the file (VSIGetMemFileBuffer with seize: the buffer
    /// becomes ours and is released with VSIFree).
    /// </summary>
    public unsafe byte[] TakeBytes()
    {
        ulong length;
        GdalErrors.Reset();
        var buffer = GdalNative.VSIGetMemFileBuffer(Path, &length, unlinkAndSeize: 1);
        if (buffer == IntPtr.Zero) throw GdalErrors.LastError($"VSIGetMemFileBuffer({Path}): GDAL wrote no file");
        try
        {
            var result = new byte[checked((int)length)];
            Marshal.Copy(buffer, result, 0, result.Length);
            return result;
        }
        finally
        {
            GdalNative.VSIFree(buffer);
        }
    }

    /// <summary>Names of the /vsimem/ files this process currently holds under our prefix (leak checks).</summary>
    internal static List<string> ListOpen()
    {
        GdalLibrary.EnsureInitialised();
        var list = GdalNative.VSIReadDir("/vsimem/minefunctions");
        try
        {
            return Utf8StringList.Read(list);
        }
        finally
        {
            GdalNative.CSLDestroy(list);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        // Also removes side-cars GDAL may have written next to it (e.g. .aux.xml).
        GdalNative.VSIUnlink(Path);
        GdalNative.VSIUnlink(Path + ".aux.xml");
    }
}
