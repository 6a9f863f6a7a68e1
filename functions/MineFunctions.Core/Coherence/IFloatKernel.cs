namespace MineFunctions.Core.Coherence;

/// <summary>
/// A float kernel's per-thread workspace, bound to one raster width and window: computes
/// output rows [y0, y1) and returns a bit per band of 16 rows (bit k = rows y0 + 16k …) whose range
/// guard (<see cref="FloatSumRatio"/>) tripped; the caller redoes those rows in double.
/// </summary>
internal unsafe interface IFloatKernel
{
    ulong RunUnit(float* a, float* b, float* output, int w, int h, CoherenceWindow win, int y0, int y1);
}
