using System.IO.Compression;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>A HyP3 product zip built in the layout the HyP3 product guide documents, read through /vsizip/.</summary>
public sealed class Hyp3ZipTests
{
    private const string Product = "S1AB_20171111T150004_20171117T145926_VVP006_INT80_G_ueF_4D09";

    private static byte[] Zip(float[] coherence, GridSpec grid, bool withCorr = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] content)
            {
                using var s = zip.CreateEntry($"{Product}/{name}").Open();
                s.Write(content);
            }
            Add($"{Product}_amp.tif", GeoTiffWriter.WriteFloat32ToBytes(coherence.Select(c => c * 7).ToArray(), grid));
            if (withCorr) Add($"{Product}_corr.tif", GeoTiffWriter.WriteFloat32ToBytes(coherence, grid));
            Add($"{Product}.README.md.txt", "ASF InSAR Data Package (GAMMA)\n"u8.ToArray());
            Add($"{Product}.txt", "Baseline: 58.3898\nRange looks: 20\nAzimuth looks: 4\nResolution of output (m): 80\n"u8.ToArray());
        }
        return buffer.ToArray();
    }

    [Fact]
    public void TheCoherenceRaster_IsReadInPlaceThroughVsizip_WithTheProductsMetadata()
    {
        var grid = TestGrids.Utm33N(4, 3);
        float[] coherence = [0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f, 0.9f, 1f, 0f, 0.25f];
        var zip = Zip(coherence, grid);

        var contents = Hyp3Zip.Inspect(new MemoryStream(zip), Product + ".zip");
        Assert.Equal($"{Product}/{Product}_corr.tif", contents.CoherenceEntry);
        Assert.Equal((Product, 58.3898, "20x4", 80.0), (contents.Info.ProductName, contents.Info.BaselineM!.Value, contents.Info.Looks, contents.Info.PixelSpacingM!.Value));

        string? memory;
        using (var raster = GdalRaster.OpenZipEntry(zip, Product + ".zip", contents.CoherenceEntry))
        {
            Assert.Equal(coherence, raster.ReadFloat32());
            GridCheck.EnsureSameGrid(grid, "written", raster.Grid, "read through /vsizip/");
            memory = raster.MemoryPath;
        }
        Assert.DoesNotContain(memory, VsiMemFile.ListOpen());
    }

    [Fact]
    public void AZipWithoutACoherenceRaster_IsAClearError()
    {
        var zip = Zip([0.5f], TestGrids.Utm33N(1, 1), withCorr: false);
        Assert.Contains("0 *_corr.tif", Assert.Throws<InvalidDataException>(() => Hyp3Zip.Inspect(new MemoryStream(zip), "x.zip")).Message);
    }
}
