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

    [Fact]
    public void TheDefaultSettingsKeepTheirKey_SoProductsWrittenBeforeAreFound()
    {
        // The canonical text written out by hand from PipelineSettings' documented defaults and the rule
        // above (batching and parallelism zeroed, AssetChunkSize left out), hashed apart from the code:
        // sha256 of this text (Python hashlib) starts c0ac587d6c0cf8d9.
        const string canonical = "{\"WindowX\":7,\"WindowY\":2,\"StableMeanMin\":0.8,\"StableStdMax\":0.2,\"PairMeanMin\":0.8,\"PairStdMax\":0.2,"
            + "\"TemporalBaselinesDays\":[12,24],\"MaxPerpendicularBaselineM\":250,\"YearAssignment\":\"mid\",\"ClassRule\":\"adaptive\","
            + "\"ValueMin\":0.5,\"SaturationMin\":0.5,\"ChannelThreshold\":0.5,\"ActiveShare\":0.22,\"ActiveZ\":1.645,\"PixelAreaM2\":null,"
            + "\"PairBatchSize\":0,\"MaxParallelAssets\":0,\"AlgorithmVersion\":\"v1\"}";

        Assert.Equal("v1-c0ac587d6c0cf8d9", SettingsFingerprint.Of(new PipelineSettings()));
        Assert.Equal("v1-c0ac587d6c0cf8d9", Infrastructure.Storage.StorageLayout.SettingsKey("v1", canonical));
    }
}
