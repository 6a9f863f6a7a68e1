using System.Buffers.Binary;
using System.Globalization;
using System.Security;
using System.Text;

namespace MineFunctions.Testing;

/// <summary>One band of a test BEAM-DIMAP product: its name and row-major Float32 pixels.</summary>
public sealed record DimapTestBand(string Name, float[] Pixels, double? NoData = 0);

/// <summary>
/// Writes a small SNAP BEAM-DIMAP product in the layout SNAP saves (docs/INPUTS.md): <c>&lt;name&gt;.dim</c>
/// (XML as in the real SNAP 8 header of shared/data/real/snap-dimap-coherence-header: Dataset_Id,
/// Coordinate_Reference_System, Geoposition, Raster_Dimensions, Data_Access, Spectral_Band_Info, the
/// Abstracted_Metadata with looks, spacing, first_line_time and Baselines, and Slave_Metadata) and
/// <c>&lt;name&gt;.data/&lt;band&gt;.img</c> + <c>.hdr</c>: ENVI, Float32, big-endian (<c>byte order = 1</c>,
/// as SNAP's EnviHeader writes from Java). Written here without GDAL, so what the reader returns is
/// checked against values the test chose.
/// </summary>
public static class SnapDimapWriter
{
    /// <param name="geoTransform">GDAL order; written to the .dim as SNAP's affine matrix (null: no Geoposition, radar geometry).</param>
    /// <param name="enviMapInfo">A <c>map info = {…}</c> value for the .hdr (SNAP writes one for map-projected products), or null.</param>
    /// <param name="bperp">The Baselines entry "Master: reference / Slave: secondary" (null: none written).</param>
    public static string Write(string folder, string product, int width, int height, IReadOnlyList<DimapTestBand> bands,
        double[]? geoTransform, string? crsWkt, DateOnly reference, DateOnly secondary, double? bperp, string? enviMapInfo = null)
    {
        var inv = CultureInfo.InvariantCulture;
        var data = Directory.CreateDirectory(Path.Combine(folder, product + ".data")).FullName;
        string? affine = geoTransform is { } g ? string.Join(",", new[] { g[1], g[4], g[2], g[5], g[0], g[3] }.Select(v => v.ToString("R", inv))) : null;
        var xml = new StringBuilder();
        xml.Append(inv, $"""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <Dimap_Document name="{product}.dim">
                <Metadata_Id>
                    <METADATA_FORMAT version="2.12.1">DIMAP</METADATA_FORMAT>
                    <METADATA_PROFILE>BEAM-DATAMODEL-V1</METADATA_PROFILE>
                </Metadata_Id>
                <Dataset_Id>
                    <DATASET_SERIES>BEAM-PRODUCT</DATASET_SERIES>
                    <DATASET_NAME>{product}</DATASET_NAME>
                </Dataset_Id>

            """);
        if (crsWkt is not null) xml.Append(inv, $"    <Coordinate_Reference_System>\n        <WKT>\n{SecurityElement.Escape(crsWkt)}\n        </WKT>\n    </Coordinate_Reference_System>\n");
        if (affine is not null) xml.Append(inv, $"    <Geoposition>\n        <BAND_INDEX>0</BAND_INDEX>\n        <IMAGE_TO_MODEL_TRANSFORM>{affine}</IMAGE_TO_MODEL_TRANSFORM>\n    </Geoposition>\n");
        xml.Append(inv, $"    <Raster_Dimensions>\n        <NCOLS>{width}</NCOLS>\n        <NROWS>{height}</NROWS>\n        <NBANDS>{bands.Count}</NBANDS>\n    </Raster_Dimensions>\n");
        xml.Append("    <Data_Access>\n        <DATA_FILE_FORMAT>ENVI</DATA_FILE_FORMAT>\n        <DATA_FILE_ORGANISATION>BAND_SEPARATE</DATA_FILE_ORGANISATION>\n");
        for (var i = 0; i < bands.Count; i++)
            xml.Append(inv, $"        <Data_File>\n            <DATA_FILE_PATH href=\"{product}.data/{bands[i].Name}.hdr\" />\n            <BAND_INDEX>{i}</BAND_INDEX>\n        </Data_File>\n");
        xml.Append("    </Data_Access>\n    <Image_Interpretation>\n");
        for (var i = 0; i < bands.Count; i++)
        {
            var b = bands[i];
            xml.Append(inv, $"""
                        <Spectral_Band_Info>
                            <BAND_INDEX>{i}</BAND_INDEX>
                            <BAND_NAME>{b.Name}</BAND_NAME>
                            <BAND_RASTER_WIDTH>{width}</BAND_RASTER_WIDTH>
                            <BAND_RASTER_HEIGHT>{height}</BAND_RASTER_HEIGHT>
                            <DATA_TYPE>float32</DATA_TYPE>
                            <SCALING_FACTOR>1.0</SCALING_FACTOR>
                            <SCALING_OFFSET>0.0</SCALING_OFFSET>
                            <LOG10_SCALED>false</LOG10_SCALED>
                            <NO_DATA_VALUE_USED>{(b.NoData is null ? "false" : "true")}</NO_DATA_VALUE_USED>
                            <NO_DATA_VALUE>{(b.NoData ?? 0).ToString("0.0###", inv)}</NO_DATA_VALUE>

                """);
            if (affine is not null) xml.Append(inv, $"            <IMAGE_TO_MODEL_TRANSFORM>{affine}</IMAGE_TO_MODEL_TRANSFORM>\n");
            xml.Append("        </Spectral_Band_Info>\n");
            WriteEnvi(data, b, width, height, enviMapInfo);
        }
        string Time(DateOnly d) => d.ToString("dd-MMM-yyyy", inv).ToUpperInvariant() + " 07:57:56.910547";
        string Snap(DateOnly d) => d.ToString("ddMMMyyyy", inv);
        xml.Append(inv, $"""
                </Image_Interpretation>
                <Dataset_Sources>
                    <MDElem name="metadata">
                        <MDElem name="Abstracted_Metadata">
                            <MDATTR name="PRODUCT" desc="Product name" unit="" type="ascii" mode="rw">S1B_IW_SLC__1SDV_{reference:yyyyMMdd}T075740_{reference:yyyyMMdd}T075807_017506_020EC0_4DA0</MDATTR>
                            <MDATTR name="first_line_time" desc="First zero doppler azimuth time" unit="utc" type="utc" mode="rw">{Time(reference)}</MDATTR>
                            <MDATTR name="PASS" desc="ASCENDING or DESCENDING" unit="" type="ascii" mode="rw">DESCENDING</MDATTR>
                            <MDATTR name="azimuth_looks" desc="" unit="" type="float64" mode="rw">2.0</MDATTR>
                            <MDATTR name="range_looks" desc="" unit="" type="float64" mode="rw">6.0</MDATTR>
                            <MDATTR name="range_spacing" desc="Range sample spacing" unit="m" type="float64" mode="rw">20.0</MDATTR>
                            <MDATTR name="azimuth_spacing" desc="Azimuth sample spacing" unit="m" type="float64" mode="rw">20.0</MDATTR>

            """);
        if (bperp is { } bp)
        {
            xml.Append(inv, $"""
                                <MDElem name="Baselines">
                                    <MDElem name="Master: {Snap(reference)}">
                                        <MDElem name="Slave: {Snap(reference)}">
                                            <MDATTR name="Perp Baseline" type="float64" mode="rw">0.0</MDATTR>
                                        </MDElem>
                                        <MDElem name="Slave: {Snap(secondary)}">
                                            <MDATTR name="Perp Baseline" type="float64" mode="rw">{bp.ToString("R", inv)}</MDATTR>
                                        </MDElem>
                                    </MDElem>
                                </MDElem>

                """);
        }
        xml.Append(inv, $"""
                        </MDElem>
                        <MDElem name="Slave_Metadata">
                            <MDElem name="{secondary:yyyyMMdd}_Orb_{Snap(secondary)}">
                                <MDATTR name="first_line_time" desc="First zero doppler azimuth time" unit="utc" type="utc" mode="rw">{Time(secondary)}</MDATTR>
                            </MDElem>
                        </MDElem>
                    </MDElem>
                </Dataset_Sources>
            </Dimap_Document>

            """);
        var dim = Path.Combine(folder, product + ".dim");
        File.WriteAllText(dim, xml.ToString(), Encoding.Latin1);
        return dim;
    }

    private static void WriteEnvi(string data, DimapTestBand band, int width, int height, string? mapInfo)
    {
        if (band.Pixels.Length != width * height) throw new ArgumentException($"band {band.Name}: {band.Pixels.Length} pixels for {width}×{height}");
        var bytes = new byte[band.Pixels.Length * 4];
        for (var i = 0; i < band.Pixels.Length; i++) BinaryPrimitives.WriteSingleBigEndian(bytes.AsSpan(i * 4), band.Pixels[i]);
        File.WriteAllBytes(Path.Combine(data, band.Name + ".img"), bytes);
        var hdr = string.Create(CultureInfo.InvariantCulture,
            $"ENVI\ndescription = {{Sentinel-1 IW Level-1 SLC Product - Unit: 1}}\nsamples = {width}\nlines = {height}\nbands = 1\nheader offset = 0\nfile type = ENVI Standard\ndata type = 4\ninterleave = bsq\nbyte order = 1\nband names = {{ {band.Name} }}\n");
        if (mapInfo is not null) hdr += $"map info = {{{mapInfo}}}\n";
        File.WriteAllText(Path.Combine(data, band.Name + ".hdr"), hdr + "data gain values = {1.0}\ndata offset values = {0.0}\n");
    }
}
