using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>A GDAL/CPL failure, carrying GDAL's own message and error number.</summary>
public class GdalException(string message, int cplErrorNumber = 0) : Exception(message)
{
    /// <summary>CPLErrorNum reported by GDAL (0 when not known).</summary>
    public int CplErrorNumber { get; } = cplErrorNumber;
}

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

    /// <summary>Reads the last error on this thread right after a call; throws when it is a failure.</summary>
    internal static void ThrowIfFailed(string operation)
    {
        if (GdalNative.CPLGetLastErrorType() >= CeFailure) throw LastError(operation);
    }

    /// <summary>Builds an exception from the last error on this thread (call right after the failing call).</summary>
    internal static GdalException LastError(string operation)
    {
        var message = Marshal.PtrToStringUTF8(GdalNative.CPLGetLastErrorMsg());
        var number = GdalNative.CPLGetLastErrorNo();
        GdalNative.CPLErrorReset();
        return new GdalException(string.IsNullOrEmpty(message) ? $"{operation} failed." : $"{operation}: {message}", number);
    }
}
