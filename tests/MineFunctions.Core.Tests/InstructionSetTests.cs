using System.Numerics;
using System.Runtime.Intrinsics.X86;
using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Tests;

/// <summary>
/// `./build.sh test` reruns this project with runtime knobs that switch off wider instruction sets,
/// so that the kernels' AVX2, Vector&lt;T&gt; and scalar paths are tested on an AVX-512 machine. A knob
/// the runtime does not know is silently ignored (.NET 10 reads DOTNET_EnableAVX512, no longer
/// DOTNET_EnableAVX512F), and the rerun would then test the widest path again while claiming
/// otherwise. The script names the path it expects in MINEFUNCTIONS_EXPECT_ISA; this test fails
/// when the coherence estimator is not on that path.
/// </summary>
public sealed class InstructionSetTests
{
    [Fact]
    public void CoherenceKernel_IsOnTheInstructionSetTheTestRunAskedFor()
    {
        var expected = Environment.GetEnvironmentVariable("MINEFUNCTIONS_EXPECT_ISA");
        if (string.IsNullOrEmpty(expected)) return; // an ordinary run: whatever this CPU has
        Assert.Equal(expected, CoherenceEstimator.KernelPath);
    }

    [Fact]
    public void KernelPath_NamesAPathThisRuntimeCanRun()
    {
        var path = CoherenceEstimator.KernelPath;
        Assert.Contains(path, new[] { "avx512", "avx2", "vector", "scalar" });
        Assert.Equal(path == "scalar", !Vector.IsHardwareAccelerated);
        Assert.Equal(path == "avx512", Avx512F.IsSupported);
        if (path == "avx2") Assert.True(Avx2.IsSupported);
    }
}
