namespace MineFunctions.Workflow.Api;

/// <summary>Body of <c>POST /api/runs</c>: the assets to process; absent or empty means every asset.</summary>
public sealed record StartRunBody(IReadOnlyList<string>? Assets);
