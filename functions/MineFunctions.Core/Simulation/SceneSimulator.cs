using MineFunctions.Core.Coherence;
using MineFunctions.Core.Contracts;
using MineFunctions.Core.Ndai;

namespace MineFunctions.Core.Simulation;

/// <summary>
/// A deterministic synthetic open-pit mine scene for the demo and the tests: stable bedrock, a
/// vegetation strip, and an octagonal mine polygon split into eight rectangular zones, one per colour
/// class, each active (decorrelated) in the years its class says (bit i = year i, METHOD.md §1.5).
/// Acquisitions every <see cref="SceneSettings.RevisitDays"/> days form consecutive pairs; a few
/// acquisition dates are rain/snow-hit and decorrelate everything in both pairs that use them.
/// Speckle is a circular-Gaussian pair of the pixel's true coherence (METHOD.md §1.2). Pairs are
/// generated on demand from (seed, pair index), so no stack is ever held. Simplification: the two
/// pairs sharing an acquisition get independent speckle.
/// Real activity is uneven (METHOD.md §3): in each zone the ground is disturbed in square cells
/// (<see cref="SceneSettings.DisturbanceCell"/>) in exactly a share of the year's clean pairs — the
/// zone's intensity when the zone is active that year, the background disturbance when it is not —
/// chosen at random per cell and year; bedrock may be disturbed too, vegetation may decorrelate only
/// in the wet season, and speckle may be correlated in range.
/// </summary>
public sealed class SceneSimulator
{
    // Zone classes, 4 columns x 2 rows over the mine's bounding box: every class occurs.
    private static readonly ColourClass[] Zones =
    [
        ColourClass.Red, ColourClass.Yellow, ColourClass.Green, ColourClass.Black,
        ColourClass.Magenta, ColourClass.White, ColourClass.Cyan, ColourClass.Blue,
    ];

    private readonly byte[] _cover;
    private readonly byte[] _mineMask;
    private readonly byte[] _trueClass;
    private readonly float[] _bedrockCoherence;
    private readonly float[] _amplitude;
    private readonly byte[] _zone;
    private readonly int _cellsX;
    private readonly ushort[][] _rank; // per pair, per cell: its rank among the year's clean pairs (weather-hit: after all of them)
    private readonly Dictionary<int, int> _cleanPairs; // per year

    public SceneSimulator(SceneSettings? settings = null)
    {
        Settings = settings ?? new SceneSettings();
        Settings.Validate();
        int w = Width, h = Height;
        var random = new DeterministicRandom(Settings.Seed);

        // Mine bounding box and an octagon with cut corners inside it.
        double x0 = Math.Round(0.25 * w), x1 = Math.Round(0.875 * w), y0 = Math.Round(0.1875 * h), y1 = Math.Round(0.8125 * h);
        var cut = Math.Round(0.08 * Math.Min(w, h));
        MinePolygon =
        [
            new(x0 + cut, y0), new(x1 - cut, y0), new(x1, y0 + cut), new(x1, y1 - cut),
            new(x1 - cut, y1), new(x0 + cut, y1), new(x0, y1 - cut), new(x0, y0 + cut),
        ];
        var vegetationEdge = Math.Round(0.15 * w);

        _cover = new byte[w * h];
        _mineMask = new byte[w * h];
        _trueClass = new byte[w * h];
        _bedrockCoherence = new float[w * h];
        _amplitude = new float[w * h];
        _zone = new byte[w * h];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var i = y * w + x;
            _bedrockCoherence[i] = (float)(Settings.BedrockCoherenceMin + (Settings.BedrockCoherenceMax - Settings.BedrockCoherenceMin) * random.NextDouble());
            _amplitude[i] = (float)Math.Exp(0.5 * (random.NextDouble() - 0.5)); // mild, time-constant texture
            _trueClass[i] = 255;
            if (Contains(MinePolygon, x + 0.5, y + 0.5))
            {
                _cover[i] = (byte)LandCover.Mine;
                _mineMask[i] = 1;
                var col = Math.Clamp((int)((x + 0.5 - x0) / (x1 - x0) * 4), 0, 3);
                var row = Math.Clamp((int)((y + 0.5 - y0) / (y1 - y0) * 2), 0, 1);
                _trueClass[i] = (byte)Zones[row * 4 + col];
                _zone[i] = (byte)(row * 4 + col);
            }
            else
            {
                _cover[i] = (byte)(x < vegetationEdge ? LandCover.Vegetation : LandCover.Bedrock);
            }
        }

        var dates = new List<DateOnly>();
        var end = new DateOnly(Settings.FirstYear + Settings.Years - 1, 12, 31);
        for (var d = new DateOnly(Settings.FirstYear, 1, 3); d <= end; d = d.AddDays(Settings.RevisitDays)) dates.Add(d);
        Dates = dates;
        WeatherDates = PickWeatherDates(dates, random);
        var weather = WeatherDates.ToHashSet();
        Pairs = Enumerable.Range(0, dates.Count - 1)
            .Select(k => new SimulatedPair(k, dates[k], dates[k + 1], YearAssignment.YearOf(dates[k], dates[k + 1]),
                weather.Contains(dates[k]) || weather.Contains(dates[k + 1])))
            .ToList();

        // Disturbance schedules from their own stream, so scenes without them are unchanged.
        var schedule = new DeterministicRandom(DeterministicRandom.Derive(Settings.Seed, 0x5C4ED01E));
        _cellsX = (w + Settings.DisturbanceCell - 1) / Settings.DisturbanceCell;
        var cells = _cellsX * ((h + Settings.DisturbanceCell - 1) / Settings.DisturbanceCell);
        _rank = Pairs.Select(_ => new ushort[cells]).ToArray();
        _cleanPairs = [];
        foreach (var year in YearList)
        {
            var clean = Pairs.Where(p => p.Year == year && !p.WeatherHit).Select(p => p.Index).ToArray();
            var hit = Pairs.Where(p => p.Year == year && p.WeatherHit).Select(p => p.Index);
            _cleanPairs[year] = clean.Length;
            for (var c = 0; c < cells; c++)
            {
                for (var k = clean.Length - 1; k > 0; k--) // Fisher–Yates: a random order of the clean pairs per cell
                {
                    var j = (int)(schedule.NextDouble() * (k + 1));
                    (clean[k], clean[j]) = (clean[j], clean[k]);
                }
                for (var k = 0; k < clean.Length; k++) _rank[clean[k]][c] = (ushort)k;
                foreach (var p in hit) _rank[p][c] = (ushort)clean.Length;
            }
        }
    }

    /// <summary>Class of each zone, 4 columns × 2 rows over the mine's bounding box, row by row (the order of <see cref="SceneSettings.ZoneActiveShares"/>).</summary>
    public static IReadOnlyList<ColourClass> ZoneClasses => Zones;

    public SceneSettings Settings { get; }
    public int Width => Settings.Width;
    public int Height => Settings.Height;
    public int Pixels => Width * Height;

    /// <summary>Mine polygon vertices in pixel coordinates (x = column, y = row), for writing GeoJSON elsewhere.</summary>
    public IReadOnlyList<PixelPoint> MinePolygon { get; }

    /// <summary>1 inside the mine polygon (pixel centre inside), 0 outside.</summary>
    public ReadOnlySpan<byte> MineMask => _mineMask;

    /// <summary>True colour class per pixel inside the mine (a <see cref="ColourClass"/> value); 255 outside.</summary>
    public ReadOnlySpan<byte> TrueClass => _trueClass;

    /// <summary><see cref="LandCover"/> per pixel.</summary>
    public ReadOnlySpan<byte> Cover => _cover;

    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Acquisition dates hit by rain or snow (ground truth).</summary>
    public IReadOnlyList<DateOnly> WeatherDates { get; }

    public IReadOnlyList<SimulatedPair> Pairs { get; }

    public IReadOnlyList<int> YearList => Enumerable.Range(Settings.FirstYear, Settings.Years).ToList();

    /// <summary>True (population) coherence of every pixel in pair <paramref name="pairIndex"/>.</summary>
    public void FillTrueCoherence(int pairIndex, Span<float> coherence)
    {
        var pair = Pair(pairIndex);
        CheckSize(coherence.Length, 1);
        var yearBit = 1 << ((pair.Year - Settings.FirstYear) % 3);
        var factor = pair.WeatherHit ? Settings.WeatherFactor : 1.0;
        var clean = _cleanPairs[pair.Year];
        var rank = _rank[pairIndex];
        var zoneK = Enumerable.Range(0, 8).Select(z => Quota(Settings.ZoneActiveShares?[z] ?? Settings.ActiveShare, clean)).ToArray();
        int backgroundK = Quota(Settings.BackgroundDisturbance, clean), bedrockK = Quota(Settings.BedrockDisturbance, clean);
        var mid = pair.ReferenceDate.AddDays((pair.SecondaryDate.DayNumber - pair.ReferenceDate.DayNumber) / 2);
        var vegetation = Settings.VegetationDryCoherence is { } dry && !Settings.WetSeasonMonths.Contains(mid.Month) ? dry : Settings.VegetationCoherence;
        var cell = Settings.DisturbanceCell;
        for (var i = 0; i < coherence.Length; i++)
        {
            var r = rank[(i / Width / cell * _cellsX) + (i % Width / cell)];
            var c = (LandCover)_cover[i] switch
            {
                LandCover.Bedrock => r < bedrockK ? Settings.ActiveMineCoherence : _bedrockCoherence[i],
                LandCover.Vegetation => vegetation,
                _ => r < ((_trueClass[i] & yearBit) != 0 ? zoneK[_zone[i]] : backgroundK) ? Settings.ActiveMineCoherence : Settings.InactiveMineCoherence,
            };
            coherence[i] = (float)(c * factor);
        }
    }

    /// <summary>Pairs of ranks below this are disturbed: the share of the clean pairs, rounded; a share of 1 takes the weather-hit pairs too.</summary>
    private static int Quota(double share, int cleanPairs) => share >= 1 ? int.MaxValue : (int)Math.Round(share * cleanPairs, MidpointRounding.AwayFromZero);

    /// <summary>The pair's coregistered SLCs as interleaved complex64 (length 2 × pixels each).</summary>
    public void FillSlc(int pairIndex, Span<float> reference, Span<float> secondary)
    {
        CheckSize(reference.Length, 2);
        CheckSize(secondary.Length, 2);
        var truth = new float[Pixels];
        FillTrueCoherence(pairIndex, truth);
        var random = new DeterministicRandom(DeterministicRandom.Derive(Settings.Seed, (ulong)pairIndex + 1));
        CircularGaussianPair.Fill(random, truth, reference, secondary, _amplitude);
        if (Settings.SpeckleCorrelation > 0)
        {
            CorrelateInRange(reference, Width, Settings.SpeckleCorrelation);
            CorrelateInRange(secondary, Width, Settings.SpeckleCorrelation);
        }
    }

    /// <summary>
    /// s'[x] = (s[x] + a·s[x − 1]) / √(1 + a²) along each row, a chosen so neighbouring samples correlate
    /// by ρ = a/(1 + a²): unit power kept, fewer independent looks in the window (an oversampled SLC).
    /// </summary>
    private static void CorrelateInRange(Span<float> slc, int width, double rho)
    {
        var a = (1 - Math.Sqrt(1 - 4 * rho * rho)) / (2 * rho); // the root of ρa² − a + ρ = 0 in (0, 1]
        var norm = 1 / Math.Sqrt(1 + a * a);
        for (var row = 0; row < slc.Length / (2 * width); row++)
        {
            var line = slc.Slice(2 * row * width, 2 * width);
            for (var x = width - 1; x > 0; x--) // right to left, so s[x − 1] is still the original; the first sample stays as drawn
            {
                line[2 * x] = (float)((line[2 * x] + a * line[2 * x - 2]) * norm);
                line[2 * x + 1] = (float)((line[2 * x + 1] + a * line[2 * x - 1]) * norm);
            }
        }
    }

    /// <summary>The pair's coherence as the estimator sees it: SLCs simulated, then estimated with the scene's window.</summary>
    public void FillCoherence(int pairIndex, Span<float> coherence, CoherenceOptions? options = null)
    {
        CheckSize(coherence.Length, 1);
        var a = new float[2 * Pixels];
        var b = new float[2 * Pixels];
        FillSlc(pairIndex, a, b);
        CoherenceEstimator.Estimate(a, b, Width, Height, Settings.Window, coherence, options);
    }

    private SimulatedPair Pair(int index) =>
        index >= 0 && index < Pairs.Count ? Pairs[index] : throw new ArgumentOutOfRangeException(nameof(index), index, $"The scene has {Pairs.Count} pairs.");

    private void CheckSize(int length, int perPixel)
    {
        if (length != perPixel * Pixels) throw new ArgumentException($"Expected {perPixel * Pixels} values for a {Width}x{Height} scene, got {length}.");
    }

    private List<DateOnly> PickWeatherDates(List<DateOnly> dates, DeterministicRandom random)
    {
        // Interior dates only (each then hits two pairs), never two neighbouring dates.
        var picked = new List<int>();
        for (var year = Settings.FirstYear; year < Settings.FirstYear + Settings.Years; year++)
        {
            var candidates = Enumerable.Range(1, dates.Count - 2).Where(k => dates[k].Year == year).ToList();
            for (var n = 0; n < Settings.WeatherDatesPerYear && candidates.Count > 0; n++)
            {
                var k = candidates[(int)(random.NextDouble() * candidates.Count)];
                picked.Add(k);
                candidates.RemoveAll(c => Math.Abs(c - k) <= 1);
            }
        }
        return picked.Order().Select(k => dates[k]).ToList();
    }

    /// <summary>Even–odd ray casting.</summary>
    private static bool Contains(IReadOnlyList<PixelPoint> polygon, double x, double y)
    {
        var inside = false;
        for (int i = 0, j = polygon.Count - 1; i < polygon.Count; j = i++)
        {
            var (a, b) = (polygon[i], polygon[j]);
            if ((a.Y > y) != (b.Y > y) && x < (b.X - a.X) * (y - a.Y) / (b.Y - a.Y) + a.X) inside = !inside;
        }
        return inside;
    }
}
