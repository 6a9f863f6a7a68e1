using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Emissions;

/// <summary>
/// Joins the parsed input files into <see cref="EstimateInputs"/>, adding the cross-file errors (unknown
/// asset ids, countries missing from the region table, an asset covered by two company reports in one
/// year) to the files' own row errors, each with its file and line. Inputs are returned only when there
/// is no error at all, so a caller can never write a partial export.
/// </summary>
public static class EstimateInputsBuilder
{
    public static (EstimateInputs? Inputs, IReadOnlyList<InputError> Errors) Build(
        ParseResult<Asset> assets,
        ParseResult<ReportedProduction> production,
        ParseResult<ConversionFactorObservation>? conversionFactors,
        ParseResult<EmissionsReport>? emissionsReports,
        ParseResult<MinedArea>? minedAreas,
        CountryRegions regions,
        IReadOnlyList<int>? years)
    {
        var errors = new List<InputError>();
        errors.AddRange(assets.Errors);
        errors.AddRange(production.Errors);
        if (conversionFactors is not null) errors.AddRange(conversionFactors.Errors);
        if (emissionsReports is not null) errors.AddRange(emissionsReports.Errors);
        if (minedAreas is not null) errors.AddRange(minedAreas.Errors);

        var ids = assets.Rows.Select(r => r.Value.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var a in assets.Rows.Where(a => regions.RegionOf(a.Value.Iso3) is null))
            errors.Add(new InputError(assets.File, a.Line, $"Country '{a.Value.Iso3}' is not in the region table."));
        foreach (var p in production.Rows.Where(p => !ids.Contains(p.Value.AssetId)))
            errors.Add(new InputError(production.File, p.Line, $"Unknown asset '{p.Value.AssetId}' (not in {assets.File})."));
        foreach (var m in minedAreas?.Rows.Where(m => !ids.Contains(m.Value.AssetId)) ?? [])
            errors.Add(new InputError(minedAreas!.File, m.Line, $"Unknown asset '{m.Value.AssetId}' (not in {assets.File})."));
        foreach (var f in conversionFactors?.Rows.Where(f => regions.RegionOf(f.Value.Iso3) is null) ?? [])
            errors.Add(new InputError(conversionFactors!.File, f.Line, $"Country '{f.Value.Iso3}' is not in the region table."));
        if (emissionsReports is not null)
        {
            var coveredBy = new Dictionary<(string, int), string>();
            foreach (var r in emissionsReports.Rows)
            {
                foreach (var id in r.Value.AssetIds.Where(id => !ids.Contains(id)))
                    errors.Add(new InputError(emissionsReports.File, r.Line, $"Unknown asset '{id}' (not in {assets.File})."));
                if (r.Value.Scope != ReportScope.Company) continue;
                foreach (var id in r.Value.AssetIds)
                {
                    if (!coveredBy.TryAdd((id, r.Value.Year), r.Value.SubjectId))
                        errors.Add(new InputError(emissionsReports.File, r.Line, $"Asset '{id}' in {r.Value.Year} is already covered by the company report of '{coveredBy[(id, r.Value.Year)]}'."));
                }
            }
        }

        var yearList = years?.Distinct().Order().ToList()
            ?? production.Rows.Select(p => p.Value.Year)
                .Concat(minedAreas?.Rows.Select(m => m.Value.Year) ?? [])
                .Concat(emissionsReports?.Rows.Select(r => r.Value.Year) ?? [])
                .Distinct().Order().ToList();
        if (years is null && yearList.Count > 0) yearList = Enumerable.Range(yearList[0], yearList[^1] - yearList[0] + 1).ToList();
        if (errors.Count == 0 && yearList.Count == 0) errors.Add(new InputError(production.File, 1, "No years to estimate: no production, area or report rows, and no years given."));

        if (errors.Count > 0) return (null, errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList());
        return (new EstimateInputs(
            assets.Values,
            production.Values,
            conversionFactors?.Values ?? [],
            emissionsReports?.Values ?? [],
            minedAreas?.Values ?? [],
            regions,
            yearList), errors);
    }
}
