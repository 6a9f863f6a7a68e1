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
}
