using System.Reflection;
using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Resolves and initialises the system GDAL exactly once. An explicit path (<see cref="OverridePath"/>,
/// else <c>MINEFUNCTIONS_GDAL_LIBRARY</c>) wins; otherwise the first loadable of <see cref="CandidateNames"/>:
/// the versioned sonames of every GDAL release this layer supports (distributions ship only the
/// runtime package, whose soname changes with each GDAL minor release), then the unversioned dev symlink.
/// </summary>
public static class GdalLibrary
{
    /// <summary>The logical library name used by every <c>DllImport</c> in this assembly.</summary>
    internal const string Name = "gdal";

    /// <summary>Environment variable that names an explicit libgdal path.</summary>
    public const string OverrideVariable = "MINEFUNCTIONS_GDAL_LIBRARY";

    /// <summary>Oldest GDAL 3 minor release this layer is written against (3.6, soname 32).</summary>
    internal const int OldestMinor = 6;

    /// <summary>Newest GDAL 3 minor release whose soname is tried (3.12, soname 38).</summary>
    internal const int NewestMinor = 12;

    /// <summary>
    /// Library names tried in order when no explicit path is set. GDAL 3.x gives release 3.m the
    /// soname <c>libgdal.so.(26 + m)</c>: Debian 12 ships 3.6 (<c>libgdal32</c>), Ubuntu 24.04 3.8
    /// (<c>libgdal34t64</c>), Debian 13 3.10 (<c>libgdal36</c>). The oldest supported release comes
    /// first so a machine with several keeps the one the tests ran on. The image build
    /// (infra/install-gdal.sh) checks the image's libgdal against the same list (a test keeps the two equal).
    /// </summary>
    public static IReadOnlyList<string> CandidateNames { get; } =
    [
        .. Enumerable.Range(OldestMinor, NewestMinor - OldestMinor + 1).Select(minor => $"libgdal.so.{26 + minor}"),
        "libgdal.so", "libgdal.dylib", "gdal.dll",
    ];

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
        return LoadFirst(name => NativeLibrary.TryLoad(name, assembly, searchPath, out var handle) ? handle : IntPtr.Zero);
    }

    /// <summary>The handle of the first of <see cref="CandidateNames"/> that <paramref name="tryLoad"/> loads (zero = not loadable).</summary>
    internal static IntPtr LoadFirst(Func<string, IntPtr> tryLoad)
    {
        foreach (var candidate in CandidateNames)
        {
            var handle = tryLoad(candidate);
            if (handle != IntPtr.Zero) return handle;
        }
        throw new DllNotFoundException(
            $"libgdal was not found (tried {string.Join(", ", CandidateNames)}). Install GDAL with the " +
            "distribution's package manager (Debian/Ubuntu: apt-get install -y gdal-bin, which pulls in the " +
            $"runtime library whatever its soname) or set {OverrideVariable} to the library path.");
    }
}
