using MineFunctions.Core.Inputs;

namespace MineFunctions.Core.Emissions;

/// <summary>
/// The parsed inputs of a run's estimate, gathered asset by asset, with every row error kept. An asset
/// whose files could not be read at all carries <see cref="Failure"/> instead.
/// </summary>
public sealed class EstimateSources
{
    public EstimateSources(string? failure = null) => Failure = failure;

    /// <summary>Why the asset's inputs could not be read (null when they were): it is then left out.</summary>
    public string? Failure { get; }

    public Collected<Asset> Assets { get; } = new();
    public Collected<ReportedProduction> Production { get; } = new();
    public Collected<EmissionsReport> Emissions { get; } = new();
    public Collected<MinedArea> Areas { get; } = new();

    /// <summary>Active pixels and area per asset-year, for the per-asset production table.</summary>
    public List<(string AssetId, MineFunctions.Core.Activity.YearArea Area)> YearAreas { get; } = [];

    /// <summary>The newest Last-Modified of the inputs read: the export's created/modified date.</summary>
    public DateTimeOffset NewestInput { get; private set; } = DateTimeOffset.UnixEpoch;

    /// <summary>Notes the last change of an input read.</summary>
    public void Seen(DateTimeOffset? lastModified)
    {
        if (lastModified is { } t && t > NewestInput) NewestInput = t;
    }

    /// <summary>Every row error of every input read so far.</summary>
    public IReadOnlyList<InputError> Errors => [.. Assets.Errors, .. Production.Errors, .. Emissions.Errors, .. Areas.Errors];

    /// <summary>Takes in one asset's gathered inputs.</summary>
    public void Add(EstimateSources asset)
    {
        Assets.AddAll(asset.Assets);
        Production.AddAll(asset.Production);
        Emissions.AddAll(asset.Emissions);
        Areas.AddAll(asset.Areas);
        YearAreas.AddRange(asset.YearAreas);
        if (asset.NewestInput > NewestInput) NewestInput = asset.NewestInput;
    }

    public sealed class Collected<T>
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

        public void AddAll(Collected<T> other)
        {
            _rows.AddRange(other._rows);
            _errors.AddRange(other._errors);
        }

        public ParseResult<T> ToResult(string file) => new(file, _rows, _errors);
    }
}
