using Microsoft.DurableTask;
using MineFunctions.Workflow.Orchestrators;

namespace MineFunctions.Workflow.Tests.Orchestrators;

public sealed class ActivityRetryTests
{
    private static TaskFailureDetails Failure(string type, string message, TaskFailureDetails? inner = null) => new(type, message, null, inner, null);

    [Theory]
    [InlineData("Azure.RequestFailedException", "Service request failed.\nStatus: 503 (Service Unavailable)\nErrorCode: ServerBusy", true)]
    [InlineData("Azure.RequestFailedException", "Status: 500 (Internal Server Error)", true)]
    [InlineData("Azure.RequestFailedException", "Status: 429 (Too Many Requests)", true)]
    [InlineData("Azure.RequestFailedException", "Status: 408 (Request Timeout)", true)]
    [InlineData("Azure.RequestFailedException", "The specified blob does not exist.\nStatus: 404 (Not Found)", false)]
    [InlineData("Azure.RequestFailedException", "Status: 403 (Forbidden)", false)]
    [InlineData("System.TimeoutException", "read timed out", true)]
    [InlineData("Polly.RateLimiting.RateLimiterRejectedException", "The operation could not be executed because it was rejected by the rate limiter.", true)]
    [InlineData("System.IO.InvalidDataException", "pair is corrupt", false)]
    [InlineData("System.ArgumentException", "bad window", false)]
    public void OnlyTransientFailuresAreRetried(string type, string message, bool transient) =>
        Assert.Equal(transient, ActivityRetry.IsTransient(Failure(type, message)));

    [Fact]
    public void ATransientCauseInsideAnotherFailureCounts() =>
        Assert.True(ActivityRetry.IsTransient(Failure("System.InvalidOperationException", "wrapped", Failure("System.Net.Http.HttpRequestException", "connection reset"))));
}
