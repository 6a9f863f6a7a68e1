using System.Text.Json;

namespace MineFunctions.App.Options;

/// <summary>
/// Fails the start when <c>MineFunctions:TaskHub</c> differs from host.json's literal
/// <c>extensions.durableTask.hubName</c>. The host and the scale controller only ever use host.json's
/// name, so a different setting would not move the app to another hub: it would only make the
/// setting lie about which hub (queues, tables) holds the runs.
/// </summary>
public sealed class TaskHubMatchesHostJson(string hostJsonPath) : IValidateOptions<MineFunctionsOptions>
{
    /// <summary>host.json of the running app: the worker runs from the script root, beside it.</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, MineFunctionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        string? hubName;
        try
        {
            hubName = ReadHubName(hostJsonPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return ValidateOptionsResult.Fail($"Cannot read the task hub name from {hostJsonPath}: {e.Message}");
        }

        if (hubName is null)
            return ValidateOptionsResult.Fail($"{hostJsonPath} sets no extensions.durableTask.hubName; it must be the literal task hub name.");
        if (hubName.Contains('%', StringComparison.Ordinal))
            return ValidateOptionsResult.Fail($"host.json's hubName '{hubName}' is a %setting% reference; the scale controller reads it as raw text, so it must be a literal name.");
        if (!string.Equals(hubName, options.TaskHub, StringComparison.Ordinal))
            return ValidateOptionsResult.Fail(
                $"{nameof(MineFunctionsOptions.TaskHub)}: the setting MineFunctions__TaskHub is '{options.TaskHub}' but host.json's " +
                $"extensions.durableTask.hubName is '{hubName}', the hub the Functions host actually uses. " +
                "Set MineFunctions__TaskHub to host.json's name (or change both and redeploy the image).");
        return ValidateOptionsResult.Success;
    }

    /// <summary>The string at extensions.durableTask.hubName of a host.json (comments allowed), or null when absent.</summary>
    public static string? ReadHubName(string hostJsonPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(hostJsonPath),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return document.RootElement.TryGetProperty("extensions", out var extensions)
            && extensions.TryGetProperty("durableTask", out var durable)
            && durable.TryGetProperty("hubName", out var hub)
            && hub.ValueKind == JsonValueKind.String
                ? hub.GetString()
                : null;
    }
}
