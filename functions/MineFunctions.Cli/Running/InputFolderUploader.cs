using System.Security.Cryptography;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Cli.Running;

/// <summary>
/// Uploads a user's folder laid out like an input asset folder (asset.json, polygon, CSVs,
/// pairs/*.tif or slc/*.tif), or a folder of such folders, to the input container. Every name is
/// checked by the storage allowlist; unknown files are listed and skipped, never uploaded.
/// Returns the asset ids and a fingerprint of the content (for the run's deterministic id).
/// </summary>
internal static class InputFolderUploader
{
    public static async Task<(IReadOnlyList<string> Assets, string Fingerprint)> UploadAsync(ProductBlobStore inputs, string folder, TextWriter log, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Input folder '{folder}' does not exist.");
        var assetDirs = File.Exists(Path.Combine(folder, InputLayout.ManifestFile))
            ? [folder]
            : Directory.GetDirectories(folder).Where(d => File.Exists(Path.Combine(d, InputLayout.ManifestFile))).Order(StringComparer.Ordinal).ToList();
        if (assetDirs.Count == 0) throw new InvalidDataException($"'{folder}' has no {InputLayout.ManifestFile} and no sub-folder with one.");

        var fingerprint = new List<string>();
        var assets = new List<string>();
        foreach (var dir in assetDirs)
        {
            var asset = BlobPath.AssetId(Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir))));
            assets.Add(asset);
            var uploaded = 0;
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(dir, file).Replace(Path.DirectorySeparatorChar, '/');
                var name = $"{asset}/{relative}";
                if (InputLayout.Classify(name) is null)
                {
                    log.WriteLine($"  skipped {relative}: not part of the input layout (see README, storage layout)");
                    continue;
                }
                var result = await inputs.UploadFileAsync(BlobPath.Name(name), file, null, cancellationToken);
                fingerprint.Add($"{name}:{result.Sha256}");
                uploaded++;
            }
            log.WriteLine($"  {asset}: {uploaded} files");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", fingerprint))))[..16];
        return (assets, hash);
    }
}
