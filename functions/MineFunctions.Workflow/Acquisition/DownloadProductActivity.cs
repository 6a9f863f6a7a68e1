using System.Globalization;
using System.IO.Compression;
using Microsoft.DurableTask;
using MineFunctions.Infrastructure.Acquisition;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// Fetches a finished job's product zip to a temporary file and stores its <c>_corr.tif</c> as
/// &lt;asset&gt;/pairs/&lt;pair key&gt;_corr.tif in the input container, where the pipeline reads
/// it (and the whole zip under &lt;asset&gt;/hyp3/ when asked). The Bperp HyP3 computed (the
/// product's parameter file) is checked against the limit again first: a pair over it is not
/// stored (METHOD.md §1.1). Idempotent: a raster already stored is not fetched again.
/// </summary>
public sealed class DownloadProductActivity(PipelineStorage storage, AcquisitionServices services) : TaskActivity<DownloadTask, DownloadOutcome>
{
    public override async Task<DownloadOutcome> RunAsync(TaskActivityContext context, DownloadTask input)
    {
        var blob = StorageLayout.AcquiredPair(input.AssetId, input.Job.PairKey);
        if (await storage.Inputs.ExistsAsync(blob)) return new DownloadOutcome(true, blob, "already stored", null);
        if (input.State.ProductUrl is null) return new DownloadOutcome(false, null, "the succeeded job lists no product zip", null);

        var temp = Path.Combine(Path.GetTempPath(), $"minefunctions-hyp3-{Guid.NewGuid():N}.zip");
        try
        {
            await using (var file = File.Create(temp)) await services.Hyp3.DownloadAsync(input.State.ProductUrl, file);
            using var zip = ZipFile.OpenRead(temp);
            var contents = Hyp3Product.Inspect(zip);
            var max = input.Settings.MaxPerpendicularBaselineM;
            if (contents.PerpendicularBaselineM is { } b && !(Math.Abs(b) <= max))
                return new DownloadOutcome(false, null, string.Create(CultureInfo.InvariantCulture, $"HyP3's Bperp {b:0.##} m exceeds {max:0.#} m; not stored"), b);

            await using (var corr = zip.GetEntry(contents.CorrEntry)!.Open())
            {
                // A zip entry stream cannot seek; the store wants a length, so buffer the raster (tens of MB at 20 m).
                using var buffer = new MemoryStream();
                await corr.CopyToAsync(buffer);
                await storage.Inputs.UploadAsync(blob, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), "image/tiff");
            }
            if (input.Settings.KeepZip && input.State.ProductFile is { } name)
                await storage.Inputs.UploadFileAsync(StorageLayout.Hyp3Zip(input.AssetId, name), temp, "application/zip");
            return new DownloadOutcome(true, blob, null, contents.PerpendicularBaselineM);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
