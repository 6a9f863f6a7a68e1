using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Workflow.Tests;

public sealed class SettingsFingerprintTests
{
    [Fact]
    public void EqualSettings_HaveEqualFingerprints() =>
        Assert.Equal(SettingsFingerprint.Of(new PipelineSettings()), SettingsFingerprint.Of(new PipelineSettings()));

    [Fact]
    public void TheKey_StartsWithTheAlgorithmVersion() =>
        Assert.Matches("^v1-[0-9a-f]{16}$", SettingsFingerprint.Of(new PipelineSettings()));

    [Fact]
    public void AResultShapingSetting_ChangesTheFingerprint()
    {
        var baseline = SettingsFingerprint.Of(new PipelineSettings());
        Assert.NotEqual(baseline, SettingsFingerprint.Of(new PipelineSettings { WindowX = 10, WindowY = 3 }));
        Assert.NotEqual(baseline, SettingsFingerprint.Of(new PipelineSettings { ClassRule = "threshold" }));
        Assert.NotEqual(baseline, SettingsFingerprint.Of(new PipelineSettings { AlgorithmVersion = "v2" }));
    }

    [Fact]
    public void BatchingAndParallelism_DoNotChangeTheFingerprint() =>
        Assert.Equal(SettingsFingerprint.Of(new PipelineSettings()), SettingsFingerprint.Of(new PipelineSettings { PairBatchSize = 3, MaxParallelAssets = 9, AssetChunkSize = 7 }));
}
