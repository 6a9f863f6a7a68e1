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
        var shaping = settings with { PairBatchSize = 0, MaxParallelAssets = 0 };
        return SettingsKey.Compute(settings.AlgorithmVersion, JsonSerializer.Serialize(shaping));
    }
}
