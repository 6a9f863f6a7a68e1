namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Writes a Float32 GeoTIFF strip by strip (rows top to bottom), so a large product never has to be
/// whole in memory. Same creation options as <see cref="GeoTiffWriter"/>; NaN → <see cref="GeoTiffOptions.FloatNoData"/>.
/// <see cref="Complete"/> closes the file (GDAL compresses and flushes then) and reports errors; disposing
/// without completing closes it too. COG needs the whole raster up front: use <see cref="GeoTiffWriter"/> for COG.
/// Not thread-safe.
/// </summary>
public sealed class GeoTiffStripWriter : IDisposable
{
    private readonly GdalDataset _dataset;
    private readonly GridSpec _grid;
    private readonly GeoTiffOptions _options;
    private readonly string _path;
    private float[] _scratch = [];

    public GeoTiffStripWriter(string path, GridSpec grid, GeoTiffOptions? options = null)
    {
        _options = options ?? GeoTiffOptions.Default;
        if (_options.CloudOptimised) throw new NotSupportedException("A COG is laid out from a complete raster: write it with GeoTiffWriter.");
        _path = path;
        _grid = grid;
        _dataset = GdalDataset.Create("GTiff", path, grid.Width, grid.Height, 1, RasterDataType.Float32, _options.CreationOptions(RasterDataType.Float32, cog: false, grid.Width, grid.Height));
        _dataset.SetGrid(grid);
        _dataset.SetNoData(1, _options.FloatNoData);
        if (_options.Metadata is { } tags)
        {
            foreach (var (k, v) in tags) _dataset.SetMetadataItem(k, v);
        }
    }

    /// <summary>Writes whole rows starting at <paramref name="row"/>; <paramref name="pixels"/> holds k × width values.</summary>
    public void WriteRows(int row, ReadOnlySpan<float> pixels)
    {
        if (pixels.Length == 0 || pixels.Length % _grid.Width != 0)
            throw new ArgumentException($"A strip holds whole rows of {_grid.Width} pixels; got {pixels.Length} values.", nameof(pixels));
        var rows = pixels.Length / _grid.Width;
        var window = new RasterWindow(0, row, _grid.Width, rows);
        if (double.IsNaN(_options.FloatNoData))
        {
            _dataset.Write(1, window, RasterDataType.Float32, pixels);
            return;
        }
        if (_scratch.Length < pixels.Length) _scratch = new float[pixels.Length];
        var copy = _scratch.AsSpan(0, pixels.Length);
        pixels.CopyTo(copy);
        var nd = (float)_options.FloatNoData;
        for (var i = 0; i < copy.Length; i++)
        {
            if (float.IsNaN(copy[i])) copy[i] = nd;
        }
        _dataset.Write<float>(1, window, RasterDataType.Float32, copy);
    }

    public void Complete() => _dataset.Close($"GeoTIFF '{_path}'");

    public void Dispose() => _dataset.Dispose();
}
