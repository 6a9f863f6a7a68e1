namespace MineFunctions.App.Tests.TestSupport;

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
