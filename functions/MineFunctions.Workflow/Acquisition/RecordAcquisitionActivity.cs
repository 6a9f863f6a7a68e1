using System.Text.Json;
using Microsoft.DurableTask;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>Writes an acquisition's result, with every pair's fate and reason, to acquisition/&lt;asset&gt;.json in the product container (overwritten by the next run).</summary>
public sealed class RecordAcquisitionActivity(PipelineStorage storage) : TaskActivity<AcquireResult, string>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public override async Task<string> RunAsync(TaskActivityContext context, AcquireResult input)
    {
        var blob = StorageLayout.AcquisitionRecord(input.AssetId);
        await storage.Products.UploadAsync(blob, JsonSerializer.SerializeToUtf8Bytes(input, Json), "application/json");
        return blob;
    }
}
