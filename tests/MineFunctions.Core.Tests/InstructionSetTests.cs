using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace MineFunctions.Core.Tests;

/// <summary>
/// `./build.sh test` reruns this project with runtime knobs that switch off wider instruction sets,
/// so that the kernels' AVX2, Vector&lt;T&gt; and scalar paths are tested on an AVX-512 machine. A knob
/// the runtime does not know is silently ignored (.NET 10 reads DOTNET_EnableAVX512, no longer
/// DOTNET_EnableAVX512F), and the rerun would then test the widest path again while claiming
/// otherwise. The script names the path it expects in MINEFUNCTIONS_EXPECT_ISA; this test fails
/// when the runtime is not on that path.
/// </summary>
public sealed class InstructionSetTests
{
    [Fact]
    public void Runtime_IsOnTheInstructionSetTheTestRunAskedFor()
    {
        var expected = Environment.GetEnvironmentVariable("MINEFUNCTIONS_EXPECT_ISA");
        if (string.IsNullOrEmpty(expected)) return; // an ordinary run: whatever this CPU has
        Assert.Equal(expected, Widest());
    }

    [Fact]
    public void Widest_NamesAPathThatIsActuallyAvailable()
    {
        var widest = Widest();
        Assert.Contains(widest, new[] { "avx512", "avx2", "vector", "scalar" });
        Assert.Equal(widest == "scalar", !Vector.IsHardwareAccelerated);
        if (widest == "avx512") Assert.True(Avx2.IsSupported, "AVX-512 implies AVX2");
    }

    /// <summary>The widest kernel path the runtime offers, in the names build.sh uses.</summary>
    private static string Widest() =>
        Avx512F.IsSupported ? "avx512"
        : Avx2.IsSupported ? "avx2"
        : Vector.IsHardwareAccelerated ? "vector"
        : "scalar";
}
