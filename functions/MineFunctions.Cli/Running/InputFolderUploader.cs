using System.Security.Cryptography;
using MineFunctions.Core.Inputs;
using MineFunctions.Infrastructure.Files;
using MineFunctions.Infrastructure.Storage;

namespace MineFunctions.Cli.Running;

/// <summary>
/// Uploads a user's folder laid out like an input asset folder (docs/INPUTS.md: asset.json, polygon,
/// CSVs, pairs/*.tif, pairs/&lt;HyP3 product&gt;/*_corr.tif, slc/*.tif), or a folder of such folders, to
/// the input container. The asset id is the folder's name (<see cref="AssetIds"/>); file names keep their
/// case. Files outside the layout (notes, .aux.xml, .DS_Store, the other rasters of a HyP3 product)
/// are listed as warnings and skipped; symbolic links and special files are never read
/// (<see cref="InputFileRule"/>), each is reported and left out. A file over its kind's size bound, or
/// more pair files in one asset than <see cref="InputLimits.MaxPairsPerAsset"/>, refuses the upload
/// with the file and the bound. Returns the asset ids, a fingerprint of the content (for the run's deterministic id) and the warnings.
/// </summary>
internal static class InputFolderUploader
{
    public sealed record Upload(IReadOnlyList<string> Assets, string Fingerprint, IReadOnlyList<string> Warnings);

    public static async Task<Upload> UploadAsync(ProductBlobStore inputs, string folder, TextWriter log, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Input folder '{folder}' does not exist.");
        var warnings = new List<string>();
        void Warn(string message)
        {
            warnings.Add(message);
            log.WriteLine($"  warning: {message}");
        }

        List<DirectoryInfo> assetDirs;
        if (File.Exists(Path.Combine(folder, StorageLayout.ManifestFile)))
        {
            assetDirs = [new DirectoryInfo(folder)];
        }
        else
        {
            assetDirs = [];
            foreach (var dir in new DirectoryInfo(folder).EnumerateDirectories("*", Shallow).OrderBy(d => d.Name, StringComparer.Ordinal))
            {
                if (dir.LinkTarget is not null) Warn($"{dir.Name}: a symbolic link, not followed");
                else if (File.Exists(Path.Combine(dir.FullName, StorageLayout.ManifestFile))) assetDirs.Add(dir);
            }
        }
        if (assetDirs.Count == 0) throw new InvalidDataException($"'{folder}' has no {StorageLayout.ManifestFile} and no sub-folder with one.");

        var fingerprint = new List<string>();
        var assets = new List<string>();
        foreach (var dir in assetDirs)
        {
            var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir.FullName));
            if (!AssetIds.IsValid(name, out var reason))
                throw new InvalidDataException($"Asset folder '{dir.FullName}': its name is the asset id, and {reason}. Rename the folder (e.g. '{Suggest(name)}').");
            assets.Add(name);
            // Every file is checked against its bound before the first byte of the asset is uploaded.
            var accepted = new List<(InputFileVerdict Verdict, string Path)>();
            foreach (var (relative, path) in Files(dir, "", m => Warn($"{name}/{m}")))
            {
                var verdict = StorageLayout.Inspect($"{name}/{relative}");
                if (verdict.Input is null)
                {
                    Warn($"{name}/{relative}: skipped, {verdict.SkipReason}");
                    continue;
                }
                if (InputBlobLimits.MaxBytes(verdict.Input.Kind) is { } max) InputLimits.CheckSize(path, new FileInfo(path).Length, max);
                accepted.Add((verdict, path));
            }
            InputLimits.CheckPairs(name, accepted.Count(a => a.Verdict.Input!.Kind is InputBlobKind.PairRaster or InputBlobKind.SlcRaster), "pair and SLC files");
            var uploaded = 0;
            foreach (var (verdict, path) in accepted)
            {
                var result = await inputs.UploadFileAsync(BlobPath.Name(verdict.Name), path, null, cancellationToken);
                fingerprint.Add($"{verdict.Name}:{result.Sha256}");
                uploaded++;
            }
            log.WriteLine($"  {name}: {uploaded} files");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join("\n", fingerprint))))[..16];
        return new Upload(assets, hash, warnings);
    }

    // Every entry of a directory, hidden ones included, without recursing (the walk below decides).
    private static readonly EnumerationOptions Shallow = new() { RecurseSubdirectories = false, AttributesToSkip = 0, IgnoreInaccessible = false };

    /// <summary>Regular files under <paramref name="dir"/> in ordinal order of their '/'-separated relative paths; links and special files reported, never read.</summary>
    private static IEnumerable<(string Relative, string Path)> Files(DirectoryInfo dir, string prefix, Action<string> warn)
    {
        foreach (var entry in dir.EnumerateFileSystemInfos("*", Shallow).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var relative = prefix + entry.Name;
            if (entry is DirectoryInfo sub && sub.LinkTarget is null)
            {
                foreach (var f in Files(sub, relative + "/", warn)) yield return f;
            }
            else if (InputFileRule.Refusal(entry.FullName) is { } refusal)
            {
                warn($"{relative}: {refusal}");
            }
            else
            {
                yield return (relative, entry.FullName);
            }
        }
    }

    private static string Suggest(string name)
    {
        var s = new string(name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray()).TrimStart('-', '_');
        return s.Length == 0 ? "mine-1" : s[..Math.Min(s.Length, AssetIds.MaxLength)];
    }
}
