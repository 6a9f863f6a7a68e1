namespace MineFunctions.Infrastructure.Gdal;

/// <summary>
/// Sets a GDAL config option for the current thread only and restores "unset" on dispose. Config
/// options are process-wide otherwise; per-request settings (e.g. decoding threads) must not leak
/// into other requests, so the thread-local variant is used, on the thread that makes the GDAL call.
/// </summary>
internal readonly struct ThreadConfigOption : IDisposable
{
    private readonly string _key;

    public ThreadConfigOption(string key, string? value)
    {
        GdalLibrary.EnsureInitialised();
        _key = key;
        GdalNative.CPLSetThreadLocalConfigOption(key, value);
    }

    public void Dispose() => GdalNative.CPLSetThreadLocalConfigOption(_key, null);
}
