namespace MineFunctions.Cli.Commands;

/// <summary>What a raster without a CRS (an SLC or coherence in radar geometry) can and cannot go through (docs/INPUTS.md).</summary>
internal static class RadarGeometry
{
    public const string Note =
        "none (no CRS): radar (slant-range/azimuth) or image geometry. Pixel-by-pixel steps work on it " +
        "(`mine coherence`; `mine ndai` without --aoi; `mine classify` with a same-size --mask raster). " +
        "The area-based steps need a CRS and a pixel size, i.e. terrain correction first (SNAP Terrain-Correction, ISCE/GAMMA geocoding, or HyP3 products): " +
        "masking by a polygon (`--aoi`, `mine composite`), pixel area, mined area, production and emissions, and `mine run`.";
}
