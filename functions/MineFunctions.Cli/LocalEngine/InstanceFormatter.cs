using System.Globalization;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using MineFunctions.Workflow.Contracts;
using MineFunctions.Workflow.Runs;

namespace MineFunctions.Cli.LocalEngine;

/// <summary>Human-readable lines for orchestration instances and run progress (used by `mine status` and live progress displays).</summary>
public static class InstanceFormatter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One line of progress, e.g. "assets: assets 1/2 (1 failed), pairs 40/72".</summary>
    public static string ProgressLine(RunProgress p) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{p.Stage}: assets {p.AssetsDone}/{p.AssetsTotal}{(p.AssetsFailed > 0 ? $" ({p.AssetsFailed} failed)" : "")}, pairs {p.PairsDone}/{p.PairsTotal}");

    /// <summary>One row of the instance list: id, name, status, created, last update, progress.</summary>
    public static string ListRow(OrchestrationMetadata m)
    {
        var progress = InstanceWatcher.ReadProgress(m) is { } p ? ProgressLine(p) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"{m.InstanceId,-36} {m.Name,-24} {m.RuntimeStatus,-10} {Time(m.CreatedAt)}  {Time(m.LastUpdatedAt)}  {progress}");
    }

    public static string ListHeader =>
        $"{"INSTANCE",-36} {"NAME",-24} {"STATUS",-10} {"CREATED (UTC)",-19}  {"UPDATED (UTC)",-19}  PROGRESS";

    /// <summary>The details of one instance: status, times, progress counts, failure reason, result counts or output.</summary>
    public static void WriteDetails(OrchestrationMetadata m, TextWriter output)
    {
        var status = RunClient.ToStatus(m);
        output.WriteLine($"Instance:  {m.InstanceId}");
        output.WriteLine($"Name:      {m.Name}");
        output.WriteLine($"Status:    {m.RuntimeStatus}");
        output.WriteLine($"Created:   {Time(m.CreatedAt)} UTC");
        output.WriteLine($"Updated:   {Time(m.LastUpdatedAt)} UTC");
        if (status.Progress is { } progress) output.WriteLine($"Progress:  {ProgressLine(progress)}");
        else if (!string.IsNullOrEmpty(m.SerializedCustomStatus)) output.WriteLine($"Custom status: {Truncate(m.SerializedCustomStatus)}");

        if (status.FailureReason is { } reason)
        {
            output.WriteLine($"Failure:   {reason}");
            return;
        }
        if (status.Result is { } r)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Result:    {r.AssetsTotal} asset(s): {r.AssetsSucceeded} succeeded, {r.AssetsFailed} failed; {r.Pairs} pairs, {r.RejectedPairs} rejected"));
        else if (TryRead<AssetOutcome>(m.SerializedOutput) is { AssetId: not null } a)
            WriteOutcome(a, output);
        else if (!string.IsNullOrEmpty(m.SerializedOutput))
            output.WriteLine($"Output:    {Truncate(m.SerializedOutput)}");
    }

    /// <summary>
    /// The run's first failed assets with their reasons (<see cref="RunStatus.FailedAssets"/>, as GET /api/runs/{id}
    /// gives them), and how to list the rest when there are more; nothing when none failed.
    /// </summary>
    public static void WriteFailedAssets(RunStatus status, TextWriter output)
    {
        if (status.FailedAssets.Count == 0) return;
        var failed = Math.Max(status.Result?.AssetsFailed ?? status.Progress?.AssetsFailed ?? 0, status.FailedAssets.Count);
        output.WriteLine(failed > status.FailedAssets.Count
            ? string.Create(CultureInfo.InvariantCulture, $"Failed assets (the first {status.FailedAssets.Count} of {failed}; --assets --failed lists every one):")
            : "Failed assets:");
        foreach (var asset in status.FailedAssets) WriteOutcome(asset, output);
    }

    /// <summary>One asset's outcome: id, status, pairs, rejected pairs and the error of a failed one.</summary>
    public static void WriteOutcome(AssetOutcome a, TextWriter output)
    {
        var error = string.IsNullOrEmpty(a.Error) ? "" : $"  ({a.Error})";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {a.AssetId,-24} {a.Status,-10} pairs {a.Pairs}, rejected {a.RejectedPairs}{error}"));
    }

    private static T? TryRead<T>(string? json) where T : class
    {
        if (string.IsNullOrEmpty(json)) return null;
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
