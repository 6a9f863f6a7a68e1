using System.Globalization;
using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>
/// The limits the Azure Functions host puts on an orchestration, enforced by the local engine the
/// same way, so a run that would fail in Azure fails here and in the tests too (docs/RELIABILITY.md,
/// "Run state limits"). The Durable Functions extension checks the custom status on every
/// orchestrator episode of the isolated worker: at most 16 KB of UTF-16 text; more fails the
/// orchestration with an <see cref="ArgumentException"/> whose message this repeats.
/// Payloads (inputs, outputs, activity results, event data) are this project's own limit: the host
/// accepts any size, but the Azure Storage backend moves a message over
/// <see cref="SpillBytes"/> to a compressed blob (an upload, a download and a history row pointing
/// at it, on every replay). The workflow is built so none does (docs/SCALE.md), and the local engine
/// fails a payload that would, so a design that grows with the run fails in the tests, not in Azure.
/// </summary>
public static class HostLimits
{
    /// <summary>Largest custom status the host accepts, in KB of UTF-16.</summary>
    public const int MaxCustomStatusKilobytes = 16;

    /// <summary>DurableTask.AzureStorage's MessageManager.MaxStorageQueuePayloadSizeInBytes (2.11): a queue message over this goes to a blob.</summary>
    public const int SpillBytes = 45 * 1024;

    /// <summary>Room left for the message's envelope (type, instance, event ids, timestamps) around the payload.</summary>
    public const int EnvelopeBytes = 1024;

    /// <summary>Largest payload, in bytes of UTF-8 JSON, the local engine lets through: the spill size less the envelope.</summary>
    public const int MaxPayloadBytes = SpillBytes - EnvelopeBytes;

    /// <summary>The host's message for a custom status over the limit, or null when it fits.</summary>
    public static string? CustomStatusViolation(string? customStatus)
    {
        var kilobytes = customStatus is null ? 0 : Encoding.Unicode.GetByteCount(customStatus) / 1024.0;
        return kilobytes > MaxCustomStatusKilobytes
            ? string.Create(CultureInfo.InvariantCulture, $"CustomStatus is too large: limit = {MaxCustomStatusKilobytes} KB (UTF-16), actual = {kilobytes:N2} KB.")
            : null;
    }

    /// <summary>Why <paramref name="payload"/> (what <paramref name="what"/> names) is over <see cref="MaxPayloadBytes"/>, or null when it fits.</summary>
    public static string? PayloadViolation(string? payload, string what)
    {
        var bytes = payload is null ? 0 : Encoding.UTF8.GetByteCount(payload);
        return bytes > MaxPayloadBytes
            ? string.Create(CultureInfo.InvariantCulture,
                $"Payload too large: {what} is {bytes:N0} bytes; the limit is {MaxPayloadBytes:N0} (the Azure Storage backend spills messages over {SpillBytes:N0} bytes to blobs; docs/RELIABILITY.md).")
            : null;
    }

    /// <summary>The first payload of an orchestrator episode over the limit, or null.</summary>
    internal static string? EpisodeViolation(P.OrchestratorResponse response)
    {
        foreach (var action in response.Actions)
        {
            var violation = action.OrchestratorActionTypeCase switch
            {
                P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask =>
                    PayloadViolation(action.ScheduleTask.Input, $"the input of activity {action.ScheduleTask.Name}"),
                P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration =>
                    PayloadViolation(action.CreateSubOrchestration.Input, $"the input of sub-orchestration {action.CreateSubOrchestration.Name} ({action.CreateSubOrchestration.InstanceId})"),
                P.OrchestratorAction.OrchestratorActionTypeOneofCase.CompleteOrchestration =>
                    PayloadViolation(action.CompleteOrchestration.Result, $"the output of orchestration {response.InstanceId}"),
                P.OrchestratorAction.OrchestratorActionTypeOneofCase.SendEvent =>
                    PayloadViolation(action.SendEvent.Data, $"the data of event {action.SendEvent.Name}"),
                _ => null,
            };
            if (violation is not null) return violation;
        }
        return null;
    }
}

/// <summary>
/// Applies <see cref="HostLimits"/> in the in-process sidecar: an orchestrator episode whose custom
/// status or any payload is over the limit is replaced by the failure of that orchestration, with the
/// host's error type and message, before the engine sees it (the other actions of that episode are
/// dropped, as the host drops them when it throws); a parent orchestration then sees its
/// sub-orchestration fail. An activity result over the limit becomes that activity's failure; a
/// client's start or event over it is refused with InvalidArgument.
/// </summary>
internal sealed class HostLimitsInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        switch (request)
        {
            case P.OrchestratorResponse response when
                (HostLimits.CustomStatusViolation(response.CustomStatus) ?? HostLimits.EpisodeViolation(response)) is { } violation:
                FailOrchestration(response, violation);
                break;
            case P.ActivityResponse response when HostLimits.PayloadViolation(response.Result, $"the result of activity {response.TaskId} of {response.InstanceId}") is { } violation:
                // The activity fails (not retried: the same input gives the same result); its orchestrator sees why.
                response.Result = null;
                response.FailureDetails = new P.TaskFailureDetails { ErrorType = typeof(ArgumentException).FullName, ErrorMessage = violation };
                break;
            case P.CreateInstanceRequest create when HostLimits.PayloadViolation(create.Input, $"the input of orchestration {create.Name}") is { } violation:
                throw new RpcException(new Status(StatusCode.InvalidArgument, violation));
            case P.RaiseEventRequest raise when HostLimits.PayloadViolation(raise.Input, $"the data of event {raise.Name}") is { } violation:
                throw new RpcException(new Status(StatusCode.InvalidArgument, violation));
        }
        return continuation(request, context);
    }

    private static void FailOrchestration(P.OrchestratorResponse response, string violation)
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
}
