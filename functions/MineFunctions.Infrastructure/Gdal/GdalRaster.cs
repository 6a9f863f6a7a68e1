namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// A raster opened for reading: header (<see cref="Info"/>) and band/window reads into the Core
/// conventions: Float32 with NaN = nodata, and interleaved complex64 (re, im, ...) with NaN = nodata.
/// Opens paths (including /vsi paths) or bytes/streams via a private /vsimem/ file, so blob content
/// needs no temp files. Not thread-safe: GDAL datasets must not be used by two threads at once;
/// open one <see cref="GdalRaster"/> per thread (it may move between threads sequentially, e.g. across awaits).
/// </summary>
public sealed class GdalRaster : IDisposable
{
    private readonly GdalDataset _dataset;
    private readonly VsiMemFile[] _memory;
    private readonly RasterReadOptions _options;

    private GdalRaster(GdalDataset dataset, VsiMemFile? memory, RasterReadOptions options, string source)
        : this(dataset, memory is null ? [] : [memory], options, source)
    {
    }

    private GdalRaster(GdalDataset dataset, VsiMemFile[] memory, RasterReadOptions options, string source)
    {
        _dataset = dataset;
        _memory = memory;
        _options = options;
        Source = source;
        Info = ReadInfo(dataset);
    }

    /// <summary>The path or name the raster was opened from.</summary>
    public string Source { get; }

    public RasterInfo Info { get; }

    /// <summary>The private /vsimem/ path when opened from bytes (leak checks in tests).</summary>
    internal string? MemoryPath => _memory.FirstOrDefault()?.Path;

    public GridSpec Grid => Info.Grid;

    public static GdalRaster Open(string path, RasterReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!path.StartsWith("/vsi", StringComparison.Ordinal) && !File.Exists(path))
            throw new FileNotFoundException($"Raster '{path}' does not exist.", path);
        options ??= RasterReadOptions.Default;
        using var threads = new ThreadConfigOption("GDAL_NUM_THREADS", options.NumThreads);
        return new GdalRaster(GdalDataset.Open(path), (VsiMemFile?)null, options, path);
    }

    /// <summary>Opens raster content held in memory (e.g. a downloaded blob). <paramref name="name"/> is for messages and the extension.</summary>
    public static GdalRaster OpenBytes(ReadOnlySpan<byte> content, string name = "raster.tif", RasterReadOptions? options = null)
    {
        options ??= RasterReadOptions.Default;
        var memory = VsiMemFile.FromBytes(content, Path.GetExtension(name));
        try
        {
            using var threads = new ThreadConfigOption("GDAL_NUM_THREADS", options.NumThreads);
            return new GdalRaster(GdalDataset.Open(memory.Path), memory, options, name);
        }
        catch (GdalException ex)
        {
            memory.Dispose();
            // The /vsimem/ name means nothing to the caller: name the content instead.
            throw new GdalFormatException(ex.Message.Replace(memory.Path, name, StringComparison.Ordinal), ex.CplErrorNumber);
        }
    }

    /// <summary>
    /// Opens a raster inside zip content held in memory, in place through GDAL's <c>/vsizip/</c> over
    /// <c>/vsimem/</c>: nothing is extracted, to disk or otherwise. <paramref name="entry"/> is the path inside the zip.
    /// </summary>
    public static GdalRaster OpenZipEntry(ReadOnlySpan<byte> zip, string zipName, string entry, RasterReadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry);
        options ??= RasterReadOptions.Default;
        var memory = VsiMemFile.FromBytes(zip, ".zip");
        var path = $"/vsizip/{memory.Path}/{entry}";
        try
        {
            using var threads = new ThreadConfigOption("GDAL_NUM_THREADS", options.NumThreads);
            return new GdalRaster(GdalDataset.Open(path), memory, options, $"{zipName}/{entry}");
        }
        catch (GdalException ex)
        {
            memory.Dispose();
            throw new GdalFormatException(ex.Message.Replace(path, $"{zipName}/{entry}", StringComparison.Ordinal).Replace(memory.Path, zipName, StringComparison.Ordinal), ex.CplErrorNumber);
        }
    }

    /// <summary>
    /// Opens an ENVI band (<paramref name="image"/> with its <paramref name="header"/>, e.g. a band of a SNAP
    /// BEAM-DIMAP product) held in memory as two /vsimem/ files, with the nodata value and georeferencing its
    /// product header gives (each null to keep what the ENVI header says). The dataset is opened in update mode
    /// on the private copy only, so the user's files are never written.
    /// </summary>
    public static GdalRaster OpenEnvi(ReadOnlySpan<byte> image, ReadOnlySpan<byte> header, string name, double? noData, double[]? geoTransform, string? crsWkt, RasterReadOptions? options = null)
    {
        options ??= RasterReadOptions.Default;
        var stem = VsiMemFile.UniqueName("");
        var files = new List<VsiMemFile>(2);
        try
        {
            files.Add(VsiMemFile.FromBytesAt(header, stem + ".hdr"));
            files.Add(VsiMemFile.FromBytesAt(image, stem + ".img"));
            using var threads = new ThreadConfigOption("GDAL_NUM_THREADS", options.NumThreads);
            var dataset = GdalDataset.Open(stem + ".img", update: true);
            try
            {
                if (noData is { } nd) dataset.SetNoData(1, nd);
                if (geoTransform is not null) dataset.SetGrid(new GridSpec(dataset.Width, dataset.Height, geoTransform, crsWkt ?? ""));
            }
            catch
            {
                dataset.Dispose();
                throw;
            }
            return new GdalRaster(dataset, [files[1], files[0]], options, name);
        }
        catch (Exception ex)
        {
            foreach (var f in files) f.Dispose();
            if (ex is GdalException g) throw new GdalFormatException(g.Message.Replace(stem, name, StringComparison.Ordinal), g.CplErrorNumber);
            throw;
        }
    }

    public static async Task<GdalRaster> OpenStreamAsync(Stream content, string name = "raster.tif", RasterReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return OpenBytes(copy.GetBuffer().AsSpan(0, (int)copy.Length), name, options);
    }

    /// <summary>A whole band as Float32, nodata → NaN.</summary>
    public float[] ReadFloat32(int band = 1) => ReadFloat32(band, RasterWindow.Whole(Info.Width, Info.Height));

    public float[] ReadFloat32(int band, RasterWindow window)
    {
        window.EnsureInside(Info.Width, Info.Height);
        _options.EnsureWithinBudget(window.PixelCount, sizeof(float), $"Reading {window.Width}×{window.Height} Float32 from '{Source}'");
        var buffer = new float[window.PixelCount];
        ReadFloat32(band, window, buffer);
        return buffer;
    }

    /// <summary>Reads a window into a caller-provided buffer (row-major, window.Width per row), nodata → NaN.</summary>
    public void ReadFloat32(int band, RasterWindow window, Span<float> destination)
    {
        var type = _dataset.DataType(band);
        if (type.IsComplex())
            throw new InvalidOperationException($"Band {band} of '{Source}' is {type}: read it with ReadComplex64, not as real Float32.");
        destination = destination[..checked((int)window.PixelCount)];
        using (new ThreadConfigOption("GDAL_NUM_THREADS", _options.NumThreads))
            _dataset.Read(band, window, RasterDataType.Float32, destination);
        var noData = _dataset.NoData(band);
        if (noData is { } nd && !double.IsNaN(nd))
        {
            // Compare in the buffer's precision: GDAL converted the stored nodata the same way.
            var f = (float)nd;
            destination.Replace(f, float.NaN);
        }
    }

    /// <summary>A whole band as interleaved complex64 (re, im, ...), nodata → NaN in both parts.</summary>
    public float[] ReadComplex64(int band = 1) => ReadComplex64(band, RasterWindow.Whole(Info.Width, Info.Height));

    public float[] ReadComplex64(int band, RasterWindow window)
    {
        window.EnsureInside(Info.Width, Info.Height);
        _options.EnsureWithinBudget(window.PixelCount, 2 * sizeof(float), $"Reading {window.Width}×{window.Height} complex64 from '{Source}'");
        var buffer = new float[2 * window.PixelCount];
        ReadComplex64(band, window, buffer);
        return buffer;
    }

    /// <summary>
    /// Reads a window as interleaved complex64. Real sources (Byte, Int16, Float32, ...) give im = 0.
    /// Nodata: a real source's nodata value, or for a complex source a sample whose real part equals
    /// the nodata value and whose imaginary part is 0 (GDAL stores one real nodata per band), becomes NaN, NaN.
    /// </summary>
    public void ReadComplex64(int band, RasterWindow window, Span<float> destination)
    {
        destination = destination[..checked((int)(2 * window.PixelCount))];
        using (new ThreadConfigOption("GDAL_NUM_THREADS", _options.NumThreads))
            _dataset.Read(band, window, RasterDataType.CFloat32, destination);
        var noData = _dataset.NoData(band);
        if (noData is { } nd && !double.IsNaN(nd))
        {
            var f = (float)nd;
            for (var i = 0; i < destination.Length; i += 2)
            {
                if (destination[i] == f && destination[i + 1] == 0f)
                {
                    destination[i] = float.NaN;
                    destination[i + 1] = float.NaN;
                }
            }
        }
    }

    public void Dispose()
    {
        _dataset.Dispose();
        foreach (var memory in _memory) memory.Dispose();
    }

    private static RasterInfo ReadInfo(GdalDataset ds)
    {
        var bands = ds.BandCount;
        if (bands < 1) throw new GdalFormatException("The dataset has no raster band.");
        var wkt = ds.ProjectionWkt;
        int? epsg = null;
        if (!string.IsNullOrWhiteSpace(wkt))
        {
            using var srs = SpatialReference.Parse(wkt);
            epsg = srs.TryGetEpsg();
        }
        var (bw, bh) = ds.BlockSize(1);
        return new RasterInfo(ds.DriverName, ds.Width, ds.Height, bands, ds.DataType(1), ds.GeoTransform, wkt, epsg,
            ds.NoData(1), ds.Metadata(), bw, bh);
    }
}
