namespace MineFunctions.Workflow.Tests.ActivityTests;

/// <summary>Small rasters and scopes for the activities' unit tests: a 4 × 2 grid of 10 m pixels (UTM 33N).</summary>
internal static class ActivityTestData
{
    public const string Asset = "mine-a";

    public static GridSpec Grid { get; } = GridSpec.NorthUp(4, 2, 500_000, 5_000_000, 10, 10, GridCrs.Wkt(32633));

    public static AssetScope Scope(PipelineSettings? settings = null) => new("run-1", Asset, settings ?? new PipelineSettings());

    public static string Key(AssetScope scope) => SettingsFingerprint.Of(scope.Settings);

    public static byte[] Float32(params float[] pixels) => GeoTiffWriter.WriteFloat32ToBytes(pixels, Grid);

    public static byte[] Byte(params byte[] pixels) => GeoTiffWriter.WriteByteToBytes([pixels], Grid, GeoTiffOptions.Default);

    /// <summary>The stack's stable raster as StableStatisticsActivity writes it: the mask, the time mean, and a time std of 0.</summary>
    public static byte[] StablePoints(float[] mask, float[] mean) => GeoTiffWriter.WriteFloat32BandsToBytes([mask, mean, new float[mask.Length]], Grid);

    /// <summary>A user's coherence raster of a pair in the asset's pairs/ folder, and its PairWork.</summary>
    public static PairWork PutPair(InMemoryProductStore store, DateOnly reference, DateOnly secondary, params float[] coherence)
    {
        var id = Infrastructure.Storage.StorageLayout.PairId(reference, secondary);
        var blob = $"{Asset}/pairs/{id}.tif";
        store.PutInput(blob, Float32(coherence));
        return new PairWork(id, reference, secondary, reference.Year, false, blob);
    }

    /// <summary>The mine polygon, a rectangle in the grid's CRS (GeoJSON with its "crs" member).</summary>
    public static string PolygonGeoJson(double left, double bottom, double right, double top) =>
        "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::32633\"}},\"features\":[{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" +
        FormattableString.Invariant($"[{left},{bottom}],[{right},{bottom}],[{right},{top}],[{left},{top}],[{left},{bottom}]") + "]]}}]}";

    public static void AssertClose(IReadOnlyList<float> expected, IReadOnlyList<float> actual, double tolerance = 1e-6)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (float.IsNaN(expected[i])) Assert.True(float.IsNaN(actual[i]), $"pixel {i}: expected NaN, got {actual[i]}");
            else Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"pixel {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
