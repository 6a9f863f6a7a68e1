namespace MineFunctions.Workflow.Runs;

/// <summary>What an asset's products folder holds for the results page: its map windows, its grid and the files to download.</summary>
/// <param name="AssetId">The asset.</param>
/// <param name="Windows">The 3-year windows with quick-looks ("2020-2022"), oldest first.</param>
/// <param name="Grid">The grid of the latest window's composite; null when there is no composite.</param>
/// <param name="Files">Every downloadable product (names from <see cref="ProductNames"/>), in name order.</param>
public sealed record AssetProducts(string AssetId, IReadOnlyList<string> Windows, MapGrid? Grid, IReadOnlyList<ProductFile> Files);

/// <summary>
/// The raster grid of an asset's maps, for drawing a georeferenced frame: size, GDAL geotransform
/// (x = gt0 + col·gt1 + row·gt2, y = gt3 + col·gt4 + row·gt5) and the CRS, when it has one.
/// </summary>
/// <param name="Width">Columns.</param>
/// <param name="Height">Rows.</param>
/// <param name="GeoTransform">The six geotransform coefficients.</param>
/// <param name="HasCrs">False when the raster carries no CRS: the maps are plain images.</param>
/// <param name="Epsg">EPSG code of the CRS, when it has one.</param>
/// <param name="CrsName">Name of the CRS ("WGS 84 / UTM zone 34S"); empty without a CRS.</param>
/// <param name="Geographic">Coordinates are longitude/latitude degrees.</param>
/// <param name="MetresPerUnit">Metres per coordinate unit of a projected CRS; 0 otherwise.</param>
public sealed record MapGrid(int Width, int Height, double[] GeoTransform, bool HasCrs, int? Epsg, string CrsName, bool Geographic, double MetresPerUnit);

/// <summary>A product a user can download: its name in the download route, size in bytes and media type.</summary>
public sealed record ProductFile(string Name, long Bytes, string ContentType);

/// <summary>One screened pair of an asset: accepted, or the reason it was rejected, excluded or failed (METHOD.md §1.3).</summary>
/// <param name="Reference">Reference acquisition date.</param>
/// <param name="Secondary">Secondary acquisition date.</param>
/// <param name="Year">The year the pair counts for.</param>
/// <param name="Accepted">True when the pair went into the annual mean.</param>
/// <param name="Reason">Why it did not ("excluded: …", "failed: file: reason", a stable-point verdict); null when accepted.</param>
/// <param name="StablePixels">Stable pixels the check used.</param>
/// <param name="StableMean">Mean coherence of the stable pixels.</param>
/// <param name="StableStd">Their standard deviation.</param>
/// <param name="PerpendicularBaselineM">Bperp in metres, when known.</param>
public sealed record AssetPair(DateOnly Reference, DateOnly Secondary, int Year, bool Accepted, string? Reason,
    long StablePixels, double? StableMean, double? StableStd, double? PerpendicularBaselineM);
