using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.DurableTask;

namespace MineFunctions.Workflow.Orchestrators;

/// <summary>
/// The retry policy of every activity call (docs/RELIABILITY.md, "Retries"): three attempts, 2 s
/// then 6 s apart, for transient failures only: storage answers 408, 429 or 5xx, timeouts, network
/// errors, and the raster limiter's rejections when its queue is full. A corrupt or invalid input
/// fails the same way every time and is not retried. What still fails after the last attempt is
/// recorded per pair or per asset with its reason, as before.
/// </summary>
internal static partial class ActivityRetry
{
    /// <summary>Attempts in all, the first included.</summary>
    public const int MaxAttempts = 3;

    /// <summary>Wait before the second attempt; each later wait is <see cref="BackoffCoefficient"/> times the one before.</summary>
    public static readonly TimeSpan FirstRetryInterval = TimeSpan.FromSeconds(2);

    public const double BackoffCoefficient = 3;

    // Exception types whose failures say nothing about the input: the same call may well succeed a moment later.
    private static readonly HashSet<string> TransientTypes = new(StringComparer.Ordinal)
    {
        "System.TimeoutException",
        "System.Threading.Tasks.TaskCanceledException",
        "System.Net.Http.HttpRequestException",
        "System.Net.Sockets.SocketException",
        "System.Threading.RateLimiting.RateLimiterRejectedException",
        "Polly.RateLimiting.RateLimiterRejectedException",
        "Polly.Timeout.TimeoutRejectedException",
    };

    /// <summary>The options every orchestrator passes to <c>CallActivityAsync</c>.</summary>
    public static TaskOptions Options { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(MaxAttempts, FirstRetryInterval, BackoffCoefficient)
    {
        HandleFailure = IsTransient,
    });

    /// <summary>True when the failure or one of its causes is transient (see the class summary).</summary>
    public static bool IsTransient(TaskFailureDetails failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (TransientTypes.Contains(f.ErrorType)) return true;
            if (f.ErrorType == "Azure.RequestFailedException" && StatusOf(f.ErrorMessage) is 408 or 429 or >= 500) return true;
        }
        return false;
    }

    /// <summary>The HTTP status in an Azure SDK error message ("Status: 503 (Service Unavailable)"), or 0.</summary>
    private static int StatusOf(string message) =>
        StatusLine().Match(message) is { Success: true } m ? int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"Status: (\d{3})", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();
}
