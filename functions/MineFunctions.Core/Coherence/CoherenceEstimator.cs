using System.Numerics;
using System.Runtime.Intrinsics;

namespace MineFunctions.Core.Coherence;

/// <summary>
/// Sample coherence of two coregistered complex rasters over a boxcar window (METHOD.md §1.2):
/// γ̂ = |Σ s1·conj(s2)| / sqrt(Σ|s1|² · Σ|s2|²), 0 where the denominator is 0, NaN (nodata) where
/// any sample in the window is nodata (NaN or ±Inf in re or im of either raster). The window is
/// truncated at the raster edges, or those pixels are nodata (<see cref="CoherenceEdgeMode"/>).
/// </summary>
/// <remarks>
/// Row blocks of <see cref="CoherenceOptions.BlockRows"/> run in parallel, each through
/// <see cref="CoherenceKernel{TVec, TSimd, TBefore, TAfter}"/> (how it sums, and why without cancellation); the output does not
/// depend on the blocks or the thread count. <see cref="CoherenceReference"/> is the same estimator
/// written plainly in double.
/// </remarks>
public static class CoherenceEstimator
{
    /// <summary>The vectors the kernel runs on here, e.g. "Vector512" (for benchmark reports).</summary>
    public static string Kernel => Vector512.IsHardwareAccelerated ? "Vector512"
        : $"Vector{8 * Vector<byte>.Count}" + (Vector.IsHardwareAccelerated ? "" : " (not hardware accelerated)");

    /// <summary>The kernel for the widest vectors this machine accelerates.</summary>
    private static ICoherenceKernel CreateKernel(int width, CoherenceWindow window, bool portable) => Vector512.IsHardwareAccelerated && !portable
        ? CoherenceKernel<Vector512<float>, Simd512, Zero, Zero>.Create(width, window)
        : CoherenceKernel<Vector<float>, SimdVector, Zero, Zero>.Create(width, window);

    /// <summary>
    /// Estimates coherence. <paramref name="reference"/> and <paramref name="secondary"/> are interleaved
    /// complex64 (re, im, …) row-major, length 2 × width × height; <paramref name="coherence"/> has width × height.
    /// </summary>
    public static unsafe void Estimate(
        ReadOnlySpan<float> reference,
        ReadOnlySpan<float> secondary,
        int width,
        int height,
        CoherenceWindow window,
        Span<float> coherence,
        CoherenceOptions? options = null)
    {
        options ??= CoherenceOptions.Default;
        window.Validate();
        if (width <= 0 || height <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Raster size {width}x{height} must be positive.");
        var pixels = checked(width * height);
        if (reference.Length != 2L * pixels) throw new ArgumentException($"Reference has {reference.Length} floats; expected 2 x {width} x {height}.", nameof(reference));
        if (secondary.Length != 2L * pixels) throw new ArgumentException($"Secondary has {secondary.Length} floats; expected 2 x {width} x {height}.", nameof(secondary));
        if (coherence.Length != pixels) throw new ArgumentException($"Output has {coherence.Length} values; expected {width} x {height}.", nameof(coherence));
        if (options.BlockRows < 1) throw new ArgumentOutOfRangeException(nameof(options), "BlockRows must be at least 1.");

        var blockRows = options.BlockRows;
        var blocks = (height + blockRows - 1) / blockRows;
        fixed (float* pa = reference, pb = secondary, po = coherence)
        {
            // Pointers cross into the lambda as integers (a fixed local cannot be captured).
            nint a = (nint)pa, b = (nint)pb, o = (nint)po;
            Parallel.For(
                0,
                blocks,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
                () => CreateKernel(width, window, options.PortableVectors),
                (block, _, kernel) =>
                {
                    int y0 = block * blockRows, y1 = Math.Min(height, y0 + blockRows);
                    kernel.Run((float*)a, (float*)b, (float*)o, height, y0, y1);
                    if (options.EdgeMode == CoherenceEdgeMode.NoData)
                        for (var y = y0; y < y1; y++) MarkIncompleteWindows(new Span<float>((float*)o + (long)y * width, width), y, height, window);
                    return kernel;
                },
                _ => { });
        }
    }

    /// <summary>Edge mode NoData: NaN where the full window does not fit inside the raster.</summary>
    private static void MarkIncompleteWindows(Span<float> row, int y, int h, CoherenceWindow win)
    {
        int bx = CoherenceWindow.Before(win.X), ax = CoherenceWindow.After(win.X);
        if (y - CoherenceWindow.Before(win.Y) < 0 || y + CoherenceWindow.After(win.Y) > h - 1)
        {
            row.Fill(float.NaN);
            return;
        }
        row[..Math.Min(bx, row.Length)].Fill(float.NaN);
        row[Math.Max(0, row.Length - ax)..].Fill(float.NaN);
    }
}
