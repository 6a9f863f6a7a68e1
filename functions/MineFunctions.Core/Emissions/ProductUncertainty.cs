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
        return Math.Sqrt(a * a * sf * sf + f * f * sa * sa + sa * sa * sf * sf);
    }
}
