using MineFunctions.Core.Inputs;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>The size bound of each kind of input (<see cref="InputLimits"/>), checked at upload and again before a blob is read.</summary>
public static class InputBlobLimits
{
    /// <summary>Largest accepted size in bytes, or null for rasters (bounded by the raster read budget when read).</summary>
    public static long? MaxBytes(InputBlobKind kind) => kind switch
    {
        InputBlobKind.Manifest => InputLimits.MaxManifestBytes,
        InputBlobKind.Polygon => InputLimits.MaxPolygonFileBytes,
        InputBlobKind.Production or InputBlobKind.Emissions or InputBlobKind.PairCatalogue or InputBlobKind.PairParameters => InputLimits.MaxTextFileBytes,
        _ => null,
    };

    /// <summary>Downloads a text or polygon input after checking its size against its kind's bound (<see cref="InvalidDataException"/> naming the blob).</summary>
    public static async Task<byte[]> DownloadCheckedAsync(this ProductBlobStore inputs, string blobName, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var blob = await inputs.GetAsync(blobName, cancellationToken)
            ?? throw new FileNotFoundException($"Input '{blobName}' is not in the input container.", blobName);
        InputLimits.CheckSize(blobName, blob.Length, maxBytes);
        var bytes = await inputs.DownloadBytesAsync(blobName, cancellationToken);
        // Replaced by a larger blob between the two calls: the bound holds for what was read.
        InputLimits.CheckSize(blobName, bytes.Length, maxBytes);
        return bytes;
    }
}
