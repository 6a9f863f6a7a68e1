using MineFunctions.Core.Inputs;

namespace MineFunctions.Workflow.Activities;

/// <summary>The parsed inputs of a run's estimate, gathered asset by asset, with every row error kept.</summary>
internal sealed class EstimateSources
{
    public Collected<Asset> Assets { get; } = new();
    public Collected<ReportedProduction> Production { get; } = new();
    public Collected<EmissionsReport> Emissions { get; } = new();
    public Collected<MinedArea> Areas { get; } = new();

    /// <summary>Active pixels and area per asset-year, for the per-asset production table.</summary>
    public List<(string AssetId, MineFunctions.Core.Activity.YearArea Area)> YearAreas { get; } = [];

    /// <summary>The newest Last-Modified of the inputs read: the export's created/modified date.</summary>
    public DateTimeOffset NewestInput { get; private set; } = DateTimeOffset.UnixEpoch;

    public void Seen(DateTimeOffset lastModified)
    {
        if (lastModified > NewestInput) NewestInput = lastModified;
    }

    internal sealed class Collected<T>
    {
        private readonly List<Parsed<T>> _rows = [];
        private readonly List<InputError> _errors = [];

        public void Add(T value, int line) => _rows.Add(new Parsed<T>(value, line));

        public IReadOnlyList<InputError> Errors => _errors;

        public int Count => _rows.Count;

        public void AddAll(ParseResult<T> result)
        {
            _rows.AddRange(result.Rows);
            _errors.AddRange(result.Errors);
        }

        public ParseResult<T> ToResult(string file) => new(file, _rows, _errors);
    }
}
