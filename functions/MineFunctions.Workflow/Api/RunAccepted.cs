namespace MineFunctions.Workflow.Api;

/// <summary>202 body of <c>POST /api/runs</c>.</summary>
/// <param name="Id">The run's instance id.</param>
/// <param name="StatusUri">Where to poll: <c>GET /api/runs/{id}</c>.</param>
/// <param name="Start">What the start did (Started, Restarted, RestartedStale).</param>
/// <param name="Assets">The assets requested; empty = every asset.</param>
public sealed record RunAccepted(string Id, string StatusUri, string Start, IReadOnlyList<string> Assets);
