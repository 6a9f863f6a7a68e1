using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// The limits the Azure Functions host puts on an orchestration, enforced by the local engine the
/// same way, so a run that would fail in Azure fails here and in the tests too (docs/RELIABILITY.md,
/// "Run state limits"). The Durable Functions extension checks one thing on every orchestrator
/// episode of the isolated worker: its custom status, at most 16 KB of UTF-16 text; more fails the
/// orchestration with an <see cref="ArgumentException"/> whose message this repeats. Other sizes
/// (inputs, outputs, queue messages) are not failures on either host: the Azure Storage backend,
/// the same package here and there, moves messages over 45 KB to blobs.
/// </summary>
public static class HostLimits
{
    /// <summary>Largest custom status the host accepts, in KB of UTF-16.</summary>
    public const int MaxCustomStatusKilobytes = 16;

    /// <summary>The host's message for a custom status over the limit, or null when it fits.</summary>
    public static string? CustomStatusViolation(string? customStatus)
    {
        var kilobytes = customStatus is null ? 0 : Encoding.Unicode.GetByteCount(customStatus) / 1024.0;
        return kilobytes > MaxCustomStatusKilobytes
            ? string.Create(CultureInfo.InvariantCulture, $"CustomStatus is too large: limit = {MaxCustomStatusKilobytes} KB (UTF-16), actual = {kilobytes:N2} KB.")
            : null;
    }
}

/// <summary>
/// Applies <see cref="HostLimits"/> in the in-process sidecar: an orchestrator episode whose custom
/// status is over the limit is replaced by the failure of that orchestration, with the host's error
/// type and message, before the engine sees it (the other actions of that episode are dropped, as
/// the host drops them when it throws). A parent orchestration then sees its sub-orchestration fail.
/// </summary>
internal sealed class HostLimitsInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is P.OrchestratorResponse response && HostLimits.CustomStatusViolation(response.CustomStatus) is { } violation)
        {
            var id = response.Actions.Count == 0 ? 0 : response.Actions.Max(a => a.Id) + 1;
            response.Actions.Clear();
            response.CustomStatus = null;
            response.Actions.Add(new P.OrchestratorAction
            {
                Id = id,
                CompleteOrchestration = new P.CompleteOrchestrationAction
                {
                    OrchestrationStatus = P.OrchestrationStatus.Failed,
                    FailureDetails = new P.TaskFailureDetails { ErrorType = typeof(ArgumentException).FullName, ErrorMessage = violation },
                },
            });
        }
        return continuation(request, context);
    }
}
