using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace MineFunctions.Core.Pairs;

/// <summary>One band of a BEAM-DIMAP product: its name (= its ENVI file's stem in the <c>.data/</c> folder) and how to read it.</summary>
public sealed record DimapBand(string Name, string DataType, double? NoData, double ScalingFactor, double ScalingOffset, double[]? GeoTransform)
{
    /// <summary>A coherence band as SNAP's Coherence operator names it (<c>coh_IW2_VV_09Aug2019_02Sep2019</c>).</summary>
    public bool IsCoherence => DimapHeader.IsCoherenceBand(Name);
}

/// <summary>
/// The header (<c>.dim</c>, XML) of an ESA SNAP BEAM-DIMAP product, as far as a coherence pair needs it:
/// its bands (name, nodata, scaling), georeferencing (<c>Coordinate_Reference_System/WKT</c> and the
/// affine <c>IMAGE_TO_MODEL_TRANSFORM</c>, absent for a product still in radar geometry), and from the
/// abstracted metadata the looks, pixel spacing, the reference/secondary acquisition dates and their
/// perpendicular baseline (<c>Baselines/Master: d/Slave: d/Perp Baseline</c>). Each band's pixels are
/// an ENVI <c>.img</c>/<c>.hdr</c> pair in <c>&lt;product&gt;.data/</c>, named after the band (docs/INPUTS.md).
/// </summary>
public sealed record DimapHeader(
    string ProductName,
    IReadOnlyList<DimapBand> Bands,
    string? CrsWkt,
    int? RangeLooks,
    int? AzimuthLooks,
    double? PixelSpacingM,
    DateOnly? ReferenceDate,
    DateOnly? SecondaryDate,
    IReadOnlyDictionary<(DateOnly Master, DateOnly Slave), double> PerpendicularBaselines)
{
    /// <summary>SNAP's Coherence operator names its bands coh_&lt;swath&gt;_&lt;pol&gt;_&lt;ddMMMyyyy&gt;_&lt;ddMMMyyyy&gt;.</summary>
    public static bool IsCoherenceBand(string bandName) => bandName.StartsWith("coh", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where a pair's metadata came from, as recorded in PairResults.</summary>
    public string Source(string dimFileName) => $"{dimFileName} (SNAP BEAM-DIMAP)";

    public DimapBand? Band(string name) => Bands.FirstOrDefault(b => string.Equals(b.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The dates of a coherence band: from its name (<see cref="NameDates"/>), else from the product's
    /// metadata (the reference's and the one secondary's <c>first_line_time</c>). Null with the reason otherwise.
    /// </summary>
    public (DateOnly Reference, DateOnly Secondary)? PairDates(DimapBand band, out string? problem)
    {
        if (NameDates.Pair(band.Name, out problem) is { } fromName) return fromName;
        if (ReferenceDate is { } r && SecondaryDate is { } s && r != s)
        {
            problem = null;
            return r < s ? (r, s) : (s, r);
        }
        problem = $"band '{band.Name}': {problem}, and the product's metadata names no single secondary acquisition";
        return null;
    }

    /// <summary>The pair's metadata as recorded with it (product, looks, pixel spacing, Bperp = secondary − reference).</summary>
    public Hyp3ProductInfo ProductInfo((DateOnly Reference, DateOnly Secondary) pair, string dimFileName)
    {
        double? bperp = PerpendicularBaselines.TryGetValue((pair.Reference, pair.Secondary), out var b) ? b
            : PerpendicularBaselines.TryGetValue((pair.Secondary, pair.Reference), out var back) ? -back
            : null;
        return new Hyp3ProductInfo(ProductName, RangeLooks, AzimuthLooks, PixelSpacingM, bperp, Source(dimFileName));
    }

    /// <summary>Parses a <c>.dim</c>; throws <see cref="FormatException"/> naming the file when it is not a BEAM-DIMAP header.</summary>
    public static DimapHeader Parse(string xml, string fileName) => Read(() => XDocument.Parse(xml), fileName);

    /// <summary>Parses a <c>.dim</c>'s bytes in the encoding its XML declaration names (SNAP writes ISO-8859-1).</summary>
    public static DimapHeader Parse(byte[] content, string fileName) => Read(() => XDocument.Load(new MemoryStream(content, writable: false)), fileName);

    private static DimapHeader Read(Func<XDocument> load, string fileName)
    {
        XDocument doc;
        try
        {
            doc = load();
        }
        catch (XmlException ex)
        {
            throw new FormatException($"{fileName} is not XML: {ex.Message}", ex);
        }
        var root = doc.Root;
        if (root is null || root.Name.LocalName != "Dimap_Document")
            throw new FormatException($"{fileName} is not a BEAM-DIMAP header (no Dimap_Document root).");
        var name = Text(root.Element("Dataset_Id")?.Element("DATASET_NAME")) ?? Path.GetFileNameWithoutExtension(fileName);
        var productTransform = Affine(Text(root.Element("Geoposition")?.Element("IMAGE_TO_MODEL_TRANSFORM")));
        var bands = root.Element("Image_Interpretation")?.Elements("Spectral_Band_Info").Select(b => new DimapBand(
            Text(b.Element("BAND_NAME")) ?? throw new FormatException($"{fileName}: a Spectral_Band_Info without BAND_NAME."),
            Text(b.Element("DATA_TYPE")) ?? "",
            Text(b.Element("NO_DATA_VALUE_USED")) is { } used && used.Equals("true", StringComparison.OrdinalIgnoreCase) ? Number(Text(b.Element("NO_DATA_VALUE"))) : null,
            Number(Text(b.Element("SCALING_FACTOR"))) ?? 1,
            Number(Text(b.Element("SCALING_OFFSET"))) ?? 0,
            Affine(Text(b.Element("IMAGE_TO_MODEL_TRANSFORM"))) ?? productTransform)).ToList() ?? [];
        if (bands.Count == 0) throw new FormatException($"{fileName} lists no band (Image_Interpretation/Spectral_Band_Info).");
        var wkt = Text(root.Element("Coordinate_Reference_System")?.Element("WKT"));

        var abstracted = Elements(root, "Abstracted_Metadata").FirstOrDefault();
        double? Attribute(XElement? element, string attribute) => Number(element?.Elements("MDATTR").FirstOrDefault(a => (string?)a.Attribute("name") == attribute)?.Value);
        int? Looks(string attribute) => Attribute(abstracted, attribute) is { } l && l == Math.Floor(l) && l is >= 1 and < 10_000 ? (int)l : null;
        var (range, azimuth) = (Attribute(abstracted, "range_spacing"), Attribute(abstracted, "azimuth_spacing"));
        var spacing = range is { } r && azimuth is { } a && Math.Abs(r - a) <= 1e-6 * r ? r : (double?)null;
        var reference = UtcDate(AttributeText(abstracted, "first_line_time"));
        var secondaries = Elements(root, "Slave_Metadata").FirstOrDefault()?.Elements("MDElem")
            .Select(e => UtcDate(AttributeText(e, "first_line_time"))).OfType<DateOnly>().Distinct().ToList() ?? [];

        var baselines = new Dictionary<(DateOnly, DateOnly), double>();
        foreach (var master in Elements(root, "Baselines").FirstOrDefault()?.Elements("MDElem") ?? [])
        {
            if (ElementDate(master, "Master:") is not { } m) continue;
            foreach (var slave in master.Elements("MDElem"))
            {
                if (ElementDate(slave, "Slave:") is { } s && s != m && Attribute(slave, "Perp Baseline") is { } bperp) baselines[(m, s)] = bperp;
            }
        }
        return new DimapHeader(name, bands, string.IsNullOrWhiteSpace(wkt) ? null : wkt, Looks("range_looks"), Looks("azimuth_looks"), spacing,
            reference, secondaries.Count == 1 ? secondaries[0] : null, baselines);
    }

    private static IEnumerable<XElement> Elements(XElement root, string mdName) =>
        root.Descendants("MDElem").Where(e => (string?)e.Attribute("name") == mdName);

    private static string? AttributeText(XElement? element, string attribute) =>
        element?.Elements("MDATTR").FirstOrDefault(a => (string?)a.Attribute("name") == attribute)?.Value;

    private static string? Text(XElement? element) => element?.Value.Trim() is { Length: > 0 } t ? t : null;

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null;

    // SNAP's "09-AUG-2019 07:57:56.910547" (UTC).
    private static DateOnly? UtcDate(string? text) =>
        text is { Length: >= 11 } && DateOnly.TryParseExact(text[..11], "dd-MMM-yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    // "Master: 09Aug2019", "Slave: 02Sep2019".
    private static DateOnly? ElementDate(XElement element, string prefix) =>
        (string?)element.Attribute("name") is { } n && n.StartsWith(prefix, StringComparison.Ordinal) && NameDates.TryToken(n[prefix.Length..].Trim(), out var d) ? d : null;

    /// <summary>
    /// SNAP writes a Java AffineTransform's matrix: m00, m10, m01, m11, m02, m12 (x = m00·col + m01·row + m02,
    /// y = m10·col + m11·row + m12, from the pixel's corner as in GDAL); as a GDAL geotransform that is
    /// [m02, m00, m01, m12, m10, m11].
    /// </summary>
    private static double[]? Affine(string? text)
    {
        if (text is null) return null;
        var v = text.Split(',').Select(s => Number(s.Trim())).ToList();
        if (v.Count != 6 || v.Any(x => x is null)) return null;
        return [v[4]!.Value, v[0]!.Value, v[2]!.Value, v[5]!.Value, v[1]!.Value, v[3]!.Value];
    }
}
