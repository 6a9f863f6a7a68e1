using Microsoft.DurableTask;
using MineFunctions.Core.Acquisition;
using MineFunctions.Infrastructure.Acquisition;
using MineFunctions.Workflow.Storage;

namespace MineFunctions.Workflow.Acquisition;

/// <summary>
/// Searches ASF for the asset's acquisitions and plans its HyP3 jobs: polygon envelope → search
/// (bursts, or SLCs for INSAR_GAMMA) from the search start → pairs by the method's rules, minus
/// those whose coherence raster is stored → jobs. The search starts 24 days (the longest baseline)
/// before <c>since</c>, so the first new acquisition finds its earlier partner; without
/// <c>since</c> it is the latest stored pair's secondary date, or <see cref="AcquisitionSettings.HistoryDays"/> back.
/// </summary>
public sealed class PlanAcquisitionActivity(PipelineStorage storage, AcquisitionServices services) : TaskActivity<PlanTask, AcquisitionPlan>
{
    public override async Task<AcquisitionPlan> RunAsync(TaskActivityContext context, PlanTask input)
    {
        var settings = input.Settings.Validated();
        var polygon = await AcquisitionStore.ReadPolygonAsync(storage, input.AssetId);
        var processed = await AcquisitionStore.ProcessedPairsAsync(storage, input.AssetId);
        var today = DateOnly.FromDateTime(input.Now);
        var since = input.Since
            ?? (processed.Count > 0 ? processed.Max(p => p.Secondary).AddDays(1) : today.AddDays(-settings.HistoryDays));
        var searchStart = since.AddDays(-settings.TemporalBaselinesDays.Max());

        var scenes = await services.Search.SearchAsync(new AsfSearchQuery(
            PolygonEnvelope.WktOf(polygon),
            new DateTimeOffset(searchStart.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            Bursts: Hyp3JobType.UsesBursts(settings.JobType),
            Polarisation: settings.Polarisation,
            MaxResults: settings.MaxResults));
        if (scenes.Count >= settings.MaxResults)
            throw new InvalidOperationException($"ASF returned {scenes.Count} scenes, the MaxResults limit: narrow the period (--since) or raise the limit, so no scene is silently missing.");

        // Bperp from the state vectors where the search gave none (asf_search's way); else it stays unknown and is checked after processing.
        var pairing = AcquisitionPairing.Form(StateVectorBaseline.FillMissing(scenes), settings.PairingRules, processed, since);
        var jobs = Hyp3JobPlanner.Plan(input.AssetId, pairing.Pairs, settings.JobType, settings.Looks);
        return new AcquisitionPlan(input.AssetId, searchStart, scenes.Count, jobs, pairing.Skipped);
    }
}
