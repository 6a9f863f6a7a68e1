namespace MineFunctions.Infrastructure.Gdal;

/// <summary>GDAL pixel types (values of GDALDataType in gdal.h).</summary>
public enum RasterDataType
{
    Unknown = 0,
    Byte = 1,
    UInt16 = 2,
    Int16 = 3,
    UInt32 = 4,
    Int32 = 5,
    Float32 = 6,
    Float64 = 7,
    CInt16 = 8,
    CInt32 = 9,
    CFloat32 = 10,
    CFloat64 = 11,
    UInt64 = 12,
    Int64 = 13,
}

public static class RasterDataTypeExtensions
{
    public static bool IsComplex(this RasterDataType type) => type is >= RasterDataType.CInt16 and <= RasterDataType.CFloat64;

    /// <summary>Bytes per sample (a complex sample counts both parts).</summary>
    public static int SizeInBytes(this RasterDataType type) => type switch
    {
        RasterDataType.Byte => 1,
        RasterDataType.UInt16 or RasterDataType.Int16 => 2,
        RasterDataType.UInt32 or RasterDataType.Int32 or RasterDataType.Float32 or RasterDataType.CInt16 => 4,
        RasterDataType.Float64 or RasterDataType.CInt32 or RasterDataType.CFloat32 or RasterDataType.UInt64 or RasterDataType.Int64 => 8,
        RasterDataType.CFloat64 => 16,
        _ => 0,
    };
}
