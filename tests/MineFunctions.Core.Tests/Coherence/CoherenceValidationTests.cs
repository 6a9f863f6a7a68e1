using MineFunctions.Core.Coherence;

namespace MineFunctions.Core.Tests.Coherence;

public sealed class CoherenceValidationTests
{
    [Fact]
    public void Sanitize_TurnsEveryOutOfRangeValueIntoNodata_CountsItByCategory_AndNeverClamps()
    {
        float[] values = [0f, 0.5f, 1f, float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0.01f, 1.3f, 2f, -0f];
        var counts = CoherenceValidation.Sanitize(values);

        Assert.Equal(new ValidationCounts(Valid: 4, NoData: 1, Infinite: 2, BelowZero: 1, AboveOne: 2), counts);
        Assert.Equal(5, counts.Rejected);
        Assert.Equal(values.Length, counts.Total);
        Assert.Equal([0f, 0.5f, 1f], values[..3]);
        Assert.All(values[3..9], v => Assert.True(float.IsNaN(v)));
    }
}
