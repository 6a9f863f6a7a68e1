using System.Runtime.InteropServices;

namespace MineFunctions.Integration.Tests;

/// <summary>
/// A process started while SIGINT is ignored inherits that, and .NET then leaves it ignored (a shell
/// without job control ignores SIGINT in the jobs it puts in the background, so that Ctrl+C at the
/// terminal does not reach them). Tests that stop `mine` by SIGINT would then wait for a stop that
/// never comes, depending on how the test run was launched: this gives the children the default.
/// </summary>
internal static partial class InheritedSignals
{
    private const int Sigint = 2;
    private const nint Ignore = 1, Default = 0;

    /// <summary>If this process ignores SIGINT, the default instead, for the processes it starts from now on.</summary>
    public static void StopIgnoringSigint()
    {
        var previous = Signal(Sigint, Default);
        // Anything else was a handler (the runtime's): put it back.
        if (previous != Ignore) Signal(Sigint, previous);
    }

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
