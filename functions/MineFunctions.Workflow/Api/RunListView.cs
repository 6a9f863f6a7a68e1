using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Api;

/// <summary>200 body of <c>GET /api/runs</c>: one page of runs.</summary>
/// <param name="Runs">This page's runs (pending and running ones first on the first page).</param>
/// <param name="Continuation">Token of the next page; null on the last page.</param>
/// <param name="Next">The next page's URL; null on the last page.</param>
public sealed record RunListView(IReadOnlyList<RunSummary> Runs, string? Continuation, string? Next);
