using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using MineFunctions.App.Http;
using MineFunctions.App.Inputs;
using MineFunctions.Workflow.Contracts;

namespace MineFunctions.App.Triggers;

/// <summary>
/// <c>GET /api/runs/{id}</c>: runtime status, progress (the orchestrator's <see cref="RunProgress"/>
/// custom status), per-asset outcomes and errors. 404 for an unknown run, 400 for an id outside the allowlist.
/// </summary>
public sealed class RunStatusTrigger
{
    /// <summary>HTTP entry point.</summary>
    [Function(nameof(RunStatusTrigger))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (!InstanceIdRules.IsValid(id, out var reason)) return Problems.BadRequest(reason, request);
        var instance = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null) return Problems.NotFound($"No run '{id}'.", request);
        return new OkObjectResult(ToView(instance));
    }

    /// <summary>The response body for one orchestration instance.</summary>
    public static RunStatusView ToView(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var progress = Read<RunProgress>(instance.SerializedCustomStatus);
        var result = Read<RefreshResult>(instance.SerializedOutput);
        var input = Read<RefreshRequest>(instance.SerializedInput);
        var assets = result?.Assets ?? progress?.Assets ?? [];

        var errors = new List<string>();
        if (instance.FailureDetails is { } failure) errors.Add($"{failure.ErrorType}: {failure.ErrorMessage}");
        errors.AddRange(assets.Where(a => a.Error is not null).Select(a => $"{a.AssetId}: {a.Error}"));

        return new RunStatusView(
            instance.InstanceId, instance.RuntimeStatus.ToString(), instance.CreatedAt, instance.LastUpdatedAt,
            input?.Trigger, progress, assets, errors);
    }

    /// <summary>Payloads written by another version of the workflow may not fit today's records: show what can be read.</summary>
    private static T? Read<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonDefaults.Payloads);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
