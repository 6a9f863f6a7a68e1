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
        if (instance.FailureDetails is { } failure) return Cut(Describe(failure));
        if (FromOutput(instance.SerializedOutput) is { Length: > 0 } fromOutput) return Cut(fromOutput);
        return instance.RuntimeStatus == OrchestrationRuntimeStatus.Terminated
            ? "terminated without a reason"
            : "failed; the host recorded neither failure details nor an output";
    }

    /// <summary>"Type: message", then "caused by Type: message" for each inner failure.</summary>
    public static string Describe(TaskFailureDetails failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var text = $"{failure.ErrorType}: {failure.ErrorMessage}";
        for (var inner = failure.InnerFailure; inner is not null; inner = inner.InnerFailure)
            text += $"; caused by {inner.ErrorType}: {inner.ErrorMessage}";
        return text;
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

    private static string Cut(string text) => text.Length <= MaxLength ? text : text[..MaxLength] + "…";
}
