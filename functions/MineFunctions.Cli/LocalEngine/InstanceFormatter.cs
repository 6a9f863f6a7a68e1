using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>Human-readable lines for orchestration instances and run progress (used by `mine status` and live progress displays).</summary>
public static class InstanceFormatter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One line of progress, e.g. "pairs: assets 1/2, pairs 40/72".</summary>
    public static string ProgressLine(RunProgress p) =>
        string.Create(CultureInfo.InvariantCulture, $"{p.Stage}: assets {p.AssetsDone}/{p.AssetsTotal}, pairs {p.PairsDone}/{p.PairsTotal}");

    /// <summary>One row of the instance list: id, name, status, created, last update, progress.</summary>
    public static string ListRow(OrchestrationMetadata m)
    {
        var progress = InstanceWatcher.ReadProgress(m) is { } p ? ProgressLine(p) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{m.InstanceId,-36} {m.Name,-24} {m.RuntimeStatus,-10} {Time(m.CreatedAt)}  {Time(m.LastUpdatedAt)}  {progress}");
    }

    public static string ListHeader =>
        $"{"INSTANCE",-36} {"NAME",-24} {"STATUS",-10} {"CREATED (UTC)",-19}  {"UPDATED (UTC)",-19}  PROGRESS";

    /// <summary>The details of one instance: status, times, progress with per-asset outcomes, output or failure.</summary>
    public static void WriteDetails(OrchestrationMetadata m, TextWriter output)
    {
        output.WriteLine($"Instance:  {m.InstanceId}");
        output.WriteLine($"Name:      {m.Name}");
        output.WriteLine($"Status:    {m.RuntimeStatus}");
        output.WriteLine($"Created:   {Time(m.CreatedAt)} UTC");
        output.WriteLine($"Updated:   {Time(m.LastUpdatedAt)} UTC");
        if (InstanceWatcher.ReadProgress(m) is { } progress)
        {
            output.WriteLine($"Progress:  {ProgressLine(progress)}");
            WriteOutcomes(progress.Assets, output);
        }
        else if (!string.IsNullOrEmpty(m.SerializedCustomStatus))
        {
            output.WriteLine($"Custom status: {Truncate(m.SerializedCustomStatus)}");
        }

        if (m.FailureDetails is { } failure) WriteFailure(failure, output);
        if (string.IsNullOrEmpty(m.SerializedOutput)) return;
        var result = TryRead<RefreshResult>(m.SerializedOutput);
        if (result is { Assets: not null })
        {
            output.WriteLine($"Result:    run {result.RunId}, {result.Assets.Count} asset(s)");
            WriteOutcomes(result.Assets, output);
        }
        else
        {
            output.WriteLine($"Output:    {Truncate(m.SerializedOutput)}");
        }
    }

    private static void WriteOutcomes(IReadOnlyList<AssetOutcome>? outcomes, TextWriter output)
    {
        if (outcomes is null) return;
        foreach (var a in outcomes)
        {
            var error = string.IsNullOrEmpty(a.Error) ? "" : $"  ({a.Error})";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {a.AssetId,-24} {a.Status,-10} pairs {a.Pairs}, rejected {a.RejectedPairs}{error}"));
        }
    }

    private static void WriteFailure(TaskFailureDetails failure, TextWriter output)
    {
        output.WriteLine($"Failure:   {failure.ErrorType}: {failure.ErrorMessage}");
        for (var inner = failure.InnerFailure; inner is not null; inner = inner.InnerFailure)
            output.WriteLine($"  caused by {inner.ErrorType}: {inner.ErrorMessage}");
    }

    private static T? TryRead<T>(string json) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Truncate(string s) => s.Length <= 2000 ? s : s[..2000] + "…";
}
