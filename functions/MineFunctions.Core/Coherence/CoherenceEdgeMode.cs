namespace MineFunctions.Core.Coherence;

/// <summary>What the estimator does where the window does not fit inside the raster.</summary>
public enum CoherenceEdgeMode
{
    /// <summary>
    /// Default. The window is truncated to the samples inside the raster (the estimator is a ratio,
    /// so no renormalisation is needed). Edge pixels then have fewer looks and read slightly higher
    /// (Touzi bias grows as L falls), but a mine touching the scene border is not lost.
    /// </summary>
    Truncate,

    /// <summary>Pixels whose full window does not fit are nodata (NaN): every value has exactly X × Y looks.</summary>
    NoData,
}
