using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Tests.Coherence;

public sealed class CoherenceInputTests
{
    [Fact]
    public void ZerosAndInvalidValues_BecomeNoData_AndAreCounted()
    {
        float[] c = [0f, 0.5f, float.PositiveInfinity, -0.1f, 1.2f, float.NaN, 1f];
        var counts = CoherenceInput.PrepareUserRaster(c);
        Assert.Equal(2, counts.Valid);
        Assert.Equal(0.5f, c[1]);
        Assert.Equal(1f, c[6]);
        Assert.True(float.IsNaN(c[0]) && float.IsNaN(c[2]) && float.IsNaN(c[3]) && float.IsNaN(c[4]));
        Assert.Equal(3, counts.Rejected);
    }
}
