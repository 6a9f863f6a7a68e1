using System.Globalization;
using System.Runtime.InteropServices;

namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// The internal workhorse over one GDALDatasetH: open/create/copy, header access and RasterIO with
/// errors checked right after each call on the calling thread. Not thread-safe (GDAL datasets are
/// not): one instance per thread at a time.
/// </summary>
internal sealed class GdalDataset : IDisposable
{
    private readonly DatasetHandle _handle;

    private GdalDataset(DatasetHandle handle) => _handle = handle;

    internal IntPtr Handle => _handle.IsClosed ? throw new ObjectDisposedException(nameof(GdalDataset)) : _handle.DangerousGetHandle();

    public static GdalDataset Open(string path, bool vector = false, bool update = false)
    {
        GdalLibrary.EnsureInitialised();
        GdalErrors.Reset();
        var flags = (vector ? GdalNative.OfVector : GdalNative.OfRaster) | (update ? GdalNative.OfUpdate : GdalNative.OfReadOnly) | GdalNative.OfVerboseError;
        var h = GdalNative.GDALOpenEx(path, flags, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
        if (h == IntPtr.Zero)
            throw GdalErrors.LastError($"Cannot open '{path}' as a {(vector ? "vector" : "raster")} dataset",
                static (m, n) => new GdalFormatException(m, n));
        return new GdalDataset(new DatasetHandle(h));
    }

    public static GdalDataset Create(string driverName, string path, int width, int height, int bands, RasterDataType type, IEnumerable<string>? options = null)
    {
        var driver = Driver(driverName);
        using var list = new Utf8StringList(options ?? []);
        GdalErrors.Reset();
        var h = GdalNative.GDALCreate(driver, path, width, height, bands, (int)type, list.Pointer);
        if (h == IntPtr.Zero) throw GdalErrors.LastError($"Creating {driverName} '{path}'");
        return new GdalDataset(new DatasetHandle(h));
    }

    /// <summary>In-memory dataset (MEM driver) of the given grid.</summary>
    public static GdalDataset CreateInMemory(GridSpec grid, int bands, RasterDataType type)
    {
        var ds = Create("MEM", "", grid.Width, grid.Height, bands, type);
        ds.SetGrid(grid);
        return ds;
    }

    /// <summary>GDALCreateCopy (e.g. COG or PNG from a MEM dataset); the copy is closed and flushed before returning.</summary>
    public void CopyTo(string driverName, string path, IEnumerable<string>? options = null)
    {
        var driver = Driver(driverName);
        using var list = new Utf8StringList(options ?? []);
        GdalErrors.Reset();
        var h = GdalNative.GDALCreateCopy(driver, path, Handle, strict: 0, list.Pointer, IntPtr.Zero, IntPtr.Zero);
        if (h == IntPtr.Zero) throw GdalErrors.LastError($"Writing {driverName} '{path}'");
        new DatasetHandle(h).CloseAndCheck($"Closing {driverName} '{path}'");
    }

    private static IntPtr Driver(string name)
    {
        GdalLibrary.EnsureInitialised();
        var driver = GdalNative.GDALGetDriverByName(name);
        return driver != IntPtr.Zero ? driver : throw new GdalException($"The GDAL driver '{name}' is not available in this libgdal.");
    }

    public string DriverName => Marshal.PtrToStringUTF8(GdalNative.GDALGetDriverShortName(GdalNative.GDALGetDatasetDriver(Handle))) ?? "";

    public int Width => GdalNative.GDALGetRasterXSize(Handle);

    public int Height => GdalNative.GDALGetRasterYSize(Handle);

    public int BandCount => GdalNative.GDALGetRasterCount(Handle);

    public IntPtr Band(int band)
    {
        if (band < 1 || band > BandCount) throw new ArgumentOutOfRangeException(nameof(band), band, $"The raster has {BandCount} band(s), numbered from 1.");
        var h = GdalNative.GDALGetRasterBand(Handle, band);
        return h != IntPtr.Zero ? h : throw GdalErrors.LastError($"Band {band}");
    }

    public RasterDataType DataType(int band) => (RasterDataType)GdalNative.GDALGetRasterDataType(Band(band));

    public unsafe (int Width, int Height) BlockSize(int band)
    {
        int x, y;
        GdalNative.GDALGetBlockSize(Band(band), &x, &y);
        return (x, y);
    }

    /// <summary>The geotransform; GDAL's default (0,1,0,0,0,1) when the file has none.</summary>
    public unsafe double[] GeoTransform
    {
        get
        {
            var gt = new double[6];
            fixed (double* p = gt)
            {
                GdalErrors.Reset();
                if (GdalNative.GDALGetGeoTransform(Handle, p) != 0) GdalErrors.Reset(); // no geotransform: keep the default GDAL filled in
            }
            return gt;
        }
    }

    public string ProjectionWkt => Marshal.PtrToStringUTF8(GdalNative.GDALGetProjectionRef(Handle)) ?? "";

    public unsafe void SetGrid(GridSpec grid)
    {
        if (grid.GeoTransform.Length != 6) throw new ArgumentException("A geotransform has 6 numbers.", nameof(grid));
        if (grid.Width != Width || grid.Height != Height) throw new ArgumentException($"Grid {grid.Width}×{grid.Height} does not match the dataset {Width}×{Height}.", nameof(grid));
        fixed (double* p = grid.GeoTransform)
        {
            GdalErrors.Reset();
            GdalErrors.Check(GdalNative.GDALSetGeoTransform(Handle, p), "Setting the geotransform");
        }
        if (!string.IsNullOrWhiteSpace(grid.CrsWkt))
        {
            GdalErrors.Reset();
            GdalErrors.Check(GdalNative.GDALSetProjection(Handle, grid.CrsWkt), "Setting the CRS");
        }
    }

    public GridSpec Grid => new(Width, Height, GeoTransform, ProjectionWkt);

    public unsafe double? NoData(int band)
    {
        int ok;
        var v = GdalNative.GDALGetRasterNoDataValue(Band(band), &ok);
        return ok != 0 ? v : null;
    }

    public void SetNoData(int band, double value)
    {
        GdalErrors.Reset();
        GdalErrors.Check(GdalNative.GDALSetRasterNoDataValue(Band(band), value), $"Setting nodata on band {band}");
    }

    public void SetColorInterpretation(int band, int gci) => GdalNative.GDALSetRasterColorInterpretation(Band(band), gci);

    /// <summary>Dataset metadata (default domain) as a dictionary; values copied from GDAL-owned memory.</summary>
    public IReadOnlyDictionary<string, string> Metadata(string? domain = null)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in Utf8StringList.Read(GdalNative.GDALGetMetadata(Handle, domain)))
        {
            var eq = item.IndexOf('=');
            if (eq > 0) result[item[..eq]] = item[(eq + 1)..];
        }
        return result;
    }

    public void SetMetadataItem(string name, string value)
    {
        GdalErrors.Reset();
        GdalErrors.Check(GdalNative.GDALSetMetadataItem(Handle, name, value, null), $"Setting metadata {name}");
    }

    /// <summary>RasterIO read of a window into a buffer of <paramref name="bufferType"/> samples (a complex sample is two T).</summary>
    public unsafe void Read<T>(int band, RasterWindow window, RasterDataType bufferType, Span<T> destination) where T : unmanaged
    {
        window.EnsureInside(Width, Height);
        var needed = window.PixelCount * bufferType.SizeInBytes();
        if ((long)destination.Length * sizeof(T) < needed)
            throw new ArgumentException($"Buffer of {destination.Length} elements is too small for a {window.Width}×{window.Height} window.", nameof(destination));
        var b = Band(band);
        fixed (T* p = destination)
        {
            GdalErrors.Reset();
            var err = GdalNative.GDALRasterIO(b, GdalNative.GfRead, window.X, window.Y, window.Width, window.Height, p,
                window.Width, window.Height, (int)bufferType, 0, 0);
            if (err >= 3 || GdalNative.CPLGetLastErrorType() >= 3)
                throw GdalErrors.LastError($"Reading band {band} at x={window.X} y={window.Y} {window.Width}×{window.Height}",
                    static (m, n) => new GdalFormatException(m, n));
        }
    }

    public unsafe void Write<T>(int band, RasterWindow window, RasterDataType bufferType, ReadOnlySpan<T> source) where T : unmanaged
    {
        window.EnsureInside(Width, Height);
        var needed = window.PixelCount * bufferType.SizeInBytes();
        if ((long)source.Length * sizeof(T) < needed)
            throw new ArgumentException($"Buffer of {source.Length} elements is too small for a {window.Width}×{window.Height} window.", nameof(source));
        var b = Band(band);
        fixed (T* p = source)
        {
            GdalErrors.Reset();
            GdalErrors.Check(GdalNative.GDALRasterIO(b, GdalNative.GfWrite, window.X, window.Y, window.Width, window.Height, p,
                window.Width, window.Height, (int)bufferType, 0, 0), $"Writing band {band}");
        }
    }

    /// <summary>Closes (flushing and compressing a written file) and reports any error.</summary>
    public void Close(string what) => _handle.CloseAndCheck($"Closing {what}");

    public void Dispose() => _handle.Dispose();

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
