using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>A GDAL/CPL failure, carrying GDAL's own message and error number.</summary>
public class GdalException(string message, int cplErrorNumber = 0) : Exception(message)
{
    /// <summary>CPLErrorNum reported by GDAL (0 when not known).</summary>
    public int CplErrorNumber { get; } = cplErrorNumber;
}

/// <summary>The input is not a raster or vector GDAL can read (empty, truncated, wrong magic, wrong format).</summary>
public sealed class GdalFormatException(string message, int cplErrorNumber = 0) : GdalException(message, cplErrorNumber);

/// <summary>
/// A read or create would exceed the configured memory budget (checked from the header, before any
/// allocation), so a forged or unexpectedly huge raster cannot exhaust the worker's memory.
/// </summary>
public sealed class RasterTooLargeException(string message) : GdalException(message);

/// <summary>Turns CPL's thread-local last error into typed exceptions.</summary>
internal static class GdalErrors
{
    private const int CeFailure = 3;

    // Kept alive for the life of the process: GDAL holds the function pointer.
    private static GdalNative.CplErrorHandler? _handler;

    /// <summary>
    /// Replaces GDAL's default handler (which prints to stderr) by a quiet one. CPL still records the
    /// last error per thread, which <see cref="ThrowIfFailed"/> reads. The callback must never throw.
    /// </summary>
    internal static void InstallHandler()
    {
        _handler = static (_, _, _) => { };
        GdalNative.CPLSetErrorHandler(Marshal.GetFunctionPointerForDelegate(_handler));
    }

    /// <summary>Clears this thread's last error, so a check after the next call sees only that call.</summary>
    internal static void Reset() => GdalNative.CPLErrorReset();

    /// <summary>Reads the last error on this thread right after a call; throws when it is a failure.</summary>
    internal static void ThrowIfFailed(string operation)
    {
        if (GdalNative.CPLGetLastErrorType() >= CeFailure) throw LastError(operation);
    }

    /// <summary>Throws when a CPLErr return code (or the thread's last error) says failure.</summary>
    internal static void Check(int cplErr, string operation)
    {
        if (cplErr >= CeFailure || GdalNative.CPLGetLastErrorType() >= CeFailure) throw LastError(operation);
    }

    /// <summary>Builds an exception from the last error on this thread (call right after the failing call).</summary>
    internal static GdalException LastError(string operation) => LastError(operation, static (m, n) => new GdalException(m, n));

    internal static T LastError<T>(string operation, Func<string, int, T> create) where T : GdalException
    {
        var message = Marshal.PtrToStringUTF8(GdalNative.CPLGetLastErrorMsg());
        var number = GdalNative.CPLGetLastErrorNo();
        GdalNative.CPLErrorReset();
        return create(string.IsNullOrEmpty(message) ? $"{operation} failed." : $"{operation}: {message}", number);
    }
}
