using MineFunctions.Workflow.Runs;

namespace MineFunctions.Workflow.Api;

/// <summary>200 body of <c>GET /api/exports</c>: the export files there are, in name order.</summary>
public sealed record ExportListView(IReadOnlyList<ProductFile> Files);
