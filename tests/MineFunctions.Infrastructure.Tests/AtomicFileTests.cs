using MineFunctions.Infrastructure.Files;
using MineFunctions.Infrastructure.Gdal;

namespace MineFunctions.Infrastructure.Tests;

/// <summary>Outputs are written whole or not at all: an error or a full disk leaves no partial file.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("atomic").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void AWriterThatFailsHalfway_LeavesNoFile_AndNoTemporary()
    {
        var target = Path.Combine(_dir, "out.csv");
        Assert.Throws<IOException>(() => AtomicFile.Write(target, temp =>
        {
            File.WriteAllText(temp, "half a fi");
            throw new IOException("No space left on device");
        }));
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void AFailedRewrite_KeepsThePreviousFileWhole()
    {
        var target = Path.Combine(_dir, "out.csv");
        AtomicFile.WriteAllText(target, "complete, old\n");
        Assert.Throws<IOException>(() => AtomicFile.Write(target, temp =>
        {
            File.WriteAllText(temp, "trunc");
            throw new IOException("No space left on device");
        }));
        Assert.Equal("complete, old\n", File.ReadAllText(target));
        Assert.Single(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public async Task ASuccessfulWrite_ReplacesTheTarget_AndLeavesOnlyIt()
    {
        var target = Path.Combine(_dir, "out.bin");
        await AtomicFile.WriteAllBytesAsync(target, new byte[] { 1, 2, 3 });
        await AtomicFile.WriteAllBytesAsync(target, new byte[] { 4, 5 });
        Assert.Equal(new byte[] { 4, 5 }, await File.ReadAllBytesAsync(target));
        Assert.Equal([target], Directory.GetFileSystemEntries(_dir));
    }

    [SmallDiskFact]
    public void OnARealFullDisk_AGeoTiffAndAFileLeaveNoPartialFile()
    {
        using var disk = SmallDisk.Mount(64 * 1024);

        // 256 × 256 float noise: ~256 KB that no codec shrinks below the 64 KB disk.
        var random = new Random(7);
        var pixels = new float[256 * 256];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = random.NextSingle();
        var grid = new GridSpec(256, 256, [500_000, 10, 0, 5_000_000, 0, -10], SpatialReference.WktOfEpsg(32633));
        var tif = Path.Combine(disk.Path, "ndai_2020.tif");
        Assert.ThrowsAny<Exception>(() => GeoTiffWriter.WriteFloat32(tif, pixels, grid));
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteAllBytes(Path.Combine(disk.Path, "big.bin"), new byte[200_000]));
        Assert.Empty(Directory.GetFileSystemEntries(disk.Path));

        // A file that fits is still written whole.
        AtomicFile.WriteAllText(Path.Combine(disk.Path, "counts.csv"), "class,pixels\nred,3\n");
        Assert.Equal("class,pixels\nred,3\n", File.ReadAllText(Path.Combine(disk.Path, "counts.csv")));
    }
}

