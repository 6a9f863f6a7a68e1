using System.Text.Json;
using MineFunctions.Infrastructure.Storage;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow;

/// <summary>
/// The settings key of a snapshot, e.g. "v1-3fa2c4d5e6f70812": part of every product's address and
/// row key (ARCHITECTURE.md convention 4). The same inputs and settings always land on the same blob
/// names (re-runs overwrite nothing new); changed settings never overwrite old products. Batch sizes
/// and parallelism do not change results and are left out.
/// </summary>
public static class SettingsFingerprint
{
    public static string Of(PipelineSettings settings)
    {
        var shaping = JsonSerializer.SerializeToNode(settings with { PairBatchSize = 0, MaxParallelAssets = 0 })!.AsObject();
        // Removed rather than zeroed: a setting added later must not change the keys of products already written.
        shaping.Remove(nameof(PipelineSettings.AssetChunkSize));
        shaping.Remove(nameof(PipelineSettings.NdaiBatchPixels));
        shaping.Remove(nameof(PipelineSettings.AssetCallPixels));
        return StorageLayout.SettingsKey(settings.AlgorithmVersion, shaping.ToJsonString());
    }
}
