using System.Security.Cryptography;
using System.Text;

namespace MineFunctions.Infrastructure.Storage;

/// <summary>
/// The folder of one (algorithm version, settings) combination in the product container and the
/// row-key prefix in the tables, e.g. "v1-3fa2c4d5e6f70812". Changing the algorithm or any setting
/// gives a new key, so new products never overwrite old ones and reruns with the same settings
/// address the very same blobs and rows (ARCHITECTURE.md convention 4).
/// </summary>
public static class SettingsKey
{
    /// <summary>
    /// "&lt;algorithmVersion&gt;-&lt;first 16 hex of SHA-256(canonicalSettings)&gt;". The caller passes
    /// a canonical text of the settings (e.g. System.Text.Json of the settings record, whose property
    /// order is fixed by the type), so the same settings give the same key on every machine.
    /// </summary>
    public static string Compute(string algorithmVersion, string canonicalSettings)
    {
        BlobPath.Segment(algorithmVersion, "algorithm version");
        ArgumentNullException.ThrowIfNull(canonicalSettings);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalSettings)))[..16];
        return Validate($"{algorithmVersion}-{hash}");
    }

    /// <summary>Checks a key received from outside (an activity input, a query) and returns it unchanged.</summary>
    public static string Validate(string? key)
    {
        BlobPath.Segment(key, "settings key");
        if (key!.Contains('_')) throw new StorageNameException("settings key", key, "it contains '_' (the row-key separator)");
        return key;
    }
}
