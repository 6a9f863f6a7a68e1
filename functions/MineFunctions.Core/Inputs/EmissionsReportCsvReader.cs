namespace MineFunctions.Core.Inputs;

/// <summary>
/// Reported emissions, header `scope,subject_id,year,co2e_t,ore_t[,asset_ids]`: scope asset|company;
/// for asset scope subject_id is the asset id; for company scope asset_ids lists the covered assets
/// separated by ';'. co2e_t ≥ 0 (t CO2e), ore_t &gt; 0 (t ore the emissions cover).
/// </summary>
public static class EmissionsReportCsvReader
{
    public static readonly string[] Columns = ["scope", "subject_id", "year", "co2e_t", "ore_t"];

    public static ParseResult<EmissionsReport> Read(TextReader reader, string fileName)
    {
        var parsed = CsvTable.Read(reader, fileName, Columns, ["asset_ids"], row =>
        {
            var scope = row.Parse("scope", true, s => s.Trim().ToLowerInvariant() switch
            {
                "asset" => ReportScope.Asset,
                "company" => ReportScope.Company,
                _ => throw new FormatException($"'{s}' is not a scope (expected asset or company)."),
            });
            var subject = row.RequiredText("subject_id");
            var year = FieldRules.Year(row);
            var co2e = row.Number("co2e_t", true, min: 0);
            var ore = row.Number("ore_t", true, min: 0);
            if (ore == 0) row.Error("'ore_t' must be > 0: an emission factor divides by it.");
            var listed = (row.Text("asset_ids") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (scope == ReportScope.Company && listed.Length == 0) row.Error("A company-scope report must list its assets in 'asset_ids' (separated by ';').");
            if (scope == ReportScope.Asset && listed.Length > 0 && (listed.Length != 1 || listed[0] != subject))
                row.Error("An asset-scope report covers its subject_id only; leave 'asset_ids' empty.");
            if (scope is null || subject is null || year is null || co2e is null || ore is null) return null;
            return new EmissionsReport(scope.Value, subject, year.Value, co2e.Value, ore.Value, scope == ReportScope.Asset ? [subject] : listed);
        });
        return FieldRules.WithErrors(parsed, FieldRules.Duplicates(parsed, r => (r.Scope, r.SubjectId, r.Year), k => $"A {k.Scope.ToString().ToLowerInvariant()} report for '{k.SubjectId}' in {k.Year}"));
    }
}
