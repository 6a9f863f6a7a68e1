namespace MineFunctions.Core.Emissions;

/// <summary>
/// Uncertainty of emissions E = A × F from the activity's (σA) and the factor's (σF) standard deviations.
/// Table S2 says "product of uncertainty"; read literally (σA·σF) it vanishes whenever either side is
/// exact, which cannot be meant. We use the exact variance of a product of two independent quantities
/// (Goodman 1960): Var(AF) = A²σF² + F²σA² + σA²σF². For small relative errors this is the familiar
/// "relative uncertainties in quadrature", σE/E ≈ √((σA/A)² + (σF/F)²), and its last term is the literal
/// product σA·σF. Unlike the relative form it needs no division, so A = 0 or F = 0 is fine.
/// Null when either uncertainty is unknown (one-member pool).
/// </summary>
public static class ProductUncertainty
{
    public static double? Of(double a, double? sigmaA, double f, double? sigmaF)
    {
        if (sigmaA is not { } sa || sigmaF is not { } sf) return null;
        return Norm(a * sf, f * sa, sa * sf);
    }

    /// <summary>
    /// √(x² + y² + z²) scaled by the largest term, so squares of tiny or huge products neither
    /// underflow to 0 nor overflow to ∞ (a bare sum of squares of 1e-170 is 0).
    /// </summary>
    private static double Norm(double x, double y, double z)
    {
        var m = Math.Max(Math.Abs(x), Math.Max(Math.Abs(y), Math.Abs(z)));
        if (m == 0 || double.IsInfinity(m)) return m;
        x /= m;
        y /= m;
        z /= m;
        return m * Math.Sqrt(x * x + y * y + z * z);
    }
}
