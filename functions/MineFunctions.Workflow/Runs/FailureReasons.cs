using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace MineFunctions.Workflow.Runs;

/// <summary>
/// The reason a failed or terminated orchestration gives, whichever way its host recorded it: the
/// failure details (the Durable Task SDK's engine, the local engine) or, when those are absent, the
/// output (the Functions host may store a failure's message, or a serialized exception, as the
/// output of a failed instance; a termination's reason is its output everywhere).
/// </summary>
public static class FailureReasons
{
    /// <summary>Longest reason returned; a longer one is cut with an ellipsis.</summary>
    public const int MaxLength = 4000;

    /// <summary>The reason, or null when the instance neither failed nor was terminated.</summary>
    public static string? Of(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)) return null;
        if (instance.FailureDetails is { } failure && Describe(failure) is { Length: > 0 } described) return Cut(described);
        if (FromOutput(instance.SerializedOutput) is { Length: > 0 } fromOutput) return Cut(fromOutput);
        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated
            ? "terminated without a reason"
            : "failed; the host recorded neither failure details nor an output";
    }

    /// <summary>
    /// "Type: message", then "caused by Type: message" for each inner failure; a part with no message
    /// says so, and details with neither type nor message give "" (the caller falls back to the output).
    /// </summary>
    public static string Describe(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var parts = new List<string>();
        for (TaskFailureDetails? f = failure; f is not null; f = f.InnerFailure)
        {
            if (string.IsNullOrWhiteSpace(f.ErrorType) && string.IsNullOrWhiteSpace(f.ErrorMessage)) continue;
            var type = string.IsNullOrWhiteSpace(f.ErrorType) ? "failure" : f.ErrorType;
            parts.Add(string.IsNullOrWhiteSpace(f.ErrorMessage) ? $"{type} (with no message)" : $"{type}: {f.ErrorMessage.Trim()}");
        }
        return string.Join("; caused by ", parts);
    }

    /// <summary>The reason of a failed activity or sub-orchestration: its message, else its description, never empty.</summary>
    public static string Of(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (!string.IsNullOrWhiteSpace(failure.ErrorMessage)) return Cut(failure.ErrorMessage);
        return Describe(failure) is { Length: > 0 } described ? Cut(described) : "failed; no reason was recorded";
    }

    /// <summary>A JSON string's text, a serialized exception's message, or the raw output.</summary>
    private static string? FromOutput(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) return null;
        try
        {
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.String) return root.GetString();
            if (root.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["Message", "message", "ErrorMessage", "errorMessage"])
                {
                    if (root.TryGetProperty(name, out var message) && message.ValueKind == JsonValueKind.String)
                    {
                        var type = root.TryGetProperty("ClassName", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() + ": " : "";
                        return type + message.GetString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the host wrote the message as plain text.
        }
        return output.Trim();
    }

    /// <summary>The text, cut to <see cref="MaxLength"/> characters with an ellipsis.</summary>
    public static string Cut(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
