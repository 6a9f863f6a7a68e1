using System.Reflection;
using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Resolves and initialises the system GDAL exactly once. Only the runtime package (Debian
/// <c>libgdal32</c>) is required: the versioned soname is tried first, then the unversioned dev
/// symlink, then the path in <c>MINEFUNCTIONS_GDAL_LIBRARY</c> (or <see cref="OverridePath"/>).
/// </summary>
public static class GdalLibrary
{
    /// <summary>The logical library name used by every <c>DllImport</c> in this assembly.</summary>
    internal const string Name = "gdal";

    /// <summary>Environment variable that names an explicit libgdal path.</summary>
    public const string OverrideVariable = "MINEFUNCTIONS_GDAL_LIBRARY";

    private static readonly string[] Candidates = ["libgdal.so.32", "libgdal.so", "libgdal.so.33", "libgdal.so.34", "libgdal.dylib", "gdal.dll"];
    private static readonly object Gate = new();
    private static bool _resolverSet;
    private static bool _initialised;

    /// <summary>An explicit library path that wins over the candidates (set before first use).</summary>
    public static string? OverridePath { get; set; }

    /// <summary>Registers the resolver and all GDAL/OGR drivers; safe to call many times.</summary>
    public static void EnsureInitialised()
    {
        if (Volatile.Read(ref _initialised)) return;
        lock (Gate)
        {
            if (_initialised) return;
            EnsureResolver();
            GdalNative.GDALAllRegister();
            GdalErrors.InstallHandler();
            Volatile.Write(ref _initialised, true);
        }
    }

    /// <summary>The version string libgdal reports at run time, e.g. "GDAL 3.6.2, released 2023/01/02".</summary>
    public static string VersionString()
    {
        EnsureInitialised();
        return Marshal.PtrToStringUTF8(GdalNative.GDALVersionInfo("--version")) ?? "unknown";
    }

    /// <summary>The numeric release, e.g. "3060200".</summary>
    public static string ReleaseNumber()
    {
        EnsureInitialised();
        return Marshal.PtrToStringUTF8(GdalNative.GDALVersionInfo("VERSION_NUM")) ?? "0";
    }

    private static void EnsureResolver()
    {
        if (_resolverSet) return;
        NativeLibrary.SetDllImportResolver(typeof(GdalLibrary).Assembly, Resolve);
        _resolverSet = true;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name) return IntPtr.Zero;
        var explicitPath = OverridePath ?? Environment.GetEnvironmentVariable(OverrideVariable);
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            if (NativeLibrary.TryLoad(explicitPath, out var h)) return h;
            throw new DllNotFoundException($"GDAL library override '{explicitPath}' (from {OverrideVariable}) could not be loaded.");
        }
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, assembly, searchPath, out var handle)) return handle;
        }
        throw new DllNotFoundException(
            "libgdal was not found. Install the runtime package (Debian: sudo apt-get install -y libgdal32) " +
            $"or set {OverrideVariable} to the library path.");
    }
}
