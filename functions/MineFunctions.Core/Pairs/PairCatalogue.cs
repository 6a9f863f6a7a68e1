namespace MineFunctions.Core.Pairs;

/// <summary>
/// What a catalogue says about one pair (METHOD.md §1.1): its perpendicular baseline (secondary −
/// reference, metres; null when the catalogue does not say), the geometry it states, and where the
/// numbers came from (<see cref="Source"/>, e.g. "pairs.csv (ASF Vertex SBAS)").
/// </summary>
public sealed record PairCatalogueEntry(
    DateOnly Reference,
    DateOnly Secondary,
    double? PerpendicularBaselineM,
    string? Track,
    string? Direction,
    string? Polarisation,
    string Source = "");

/// <summary>
/// One acquisition of an asf_search baseline stack: its date, its perpendicular baseline relative to the
/// stack's reference scene (metres; null when the search did not compute one) and its geometry.
/// </summary>
public sealed record StackScene(string SceneName, DateOnly Date, double? PerpendicularBaselineM, string? Track, string? Direction, string? Polarisation);

/// <summary>
/// An asset's pair catalogue in any accepted form (docs/INPUTS.md): a list of pairs (our
/// <c>pairs.csv</c>, the ASF Vertex SBAS export) or a baseline stack of scenes (asf_search stack
/// results as CSV or GeoJSON), where a pair's baseline is the difference of its two scenes'.
/// </summary>
public sealed class PairCatalogue
{
    private readonly Dictionary<(DateOnly, DateOnly), PairCatalogueEntry> _pairs;
    private readonly Dictionary<DateOnly, StackScene> _scenes;

    internal PairCatalogue(string source, string format, IReadOnlyList<PairCatalogueEntry> pairs, IReadOnlyList<StackScene> scenes, IReadOnlyList<string> warnings)
    {
        (Source, Format, Pairs, Scenes, Warnings) = (source, format, pairs, scenes, warnings);
        _pairs = pairs.ToDictionary(p => (p.Reference, p.Secondary));
        _scenes = scenes.ToDictionary(s => s.Date);
    }

    /// <summary>No catalogue: every pair's baseline is unknown.</summary>
    public static PairCatalogue None { get; } = new("", "none", [], [], []);

    /// <summary>The file it was read from, e.g. "pairs.csv".</summary>
    public string Source { get; }

    /// <summary>The form recognised: <see cref="PairCatalogueFormats"/>.</summary>
    public string Format { get; }

    /// <summary>"pairs.csv (ASF Vertex SBAS)": what a pair's baseline source says.</summary>
    public string Describe => $"{Source} ({Format})";

    /// <summary>The listed pairs (pair-list forms); empty for a stack.</summary>
    public IReadOnlyList<PairCatalogueEntry> Pairs { get; }

    /// <summary>The scenes of a baseline stack; empty for a pair list.</summary>
    public IReadOnlyList<StackScene> Scenes { get; }

    /// <summary>Things worth telling the user that did not stop the read (e.g. a temporal baseline that disagrees with the dates).</summary>
    public IReadOnlyList<string> Warnings { get; }

    /// <summary>
    /// What the catalogue knows about the pair, or null when it does not list it. In a stack both dates
    /// must be scenes of it; the pair's Bperp is then the secondary scene's minus the reference scene's.
    /// </summary>
    public PairCatalogueEntry? Find(DateOnly reference, DateOnly secondary)
    {
        if (_pairs.TryGetValue((reference, secondary), out var entry)) return entry;
        if (!_scenes.TryGetValue(reference, out var r) || !_scenes.TryGetValue(secondary, out var s)) return null;
        double? bperp = r.PerpendicularBaselineM is { } rb && s.PerpendicularBaselineM is { } sb ? sb - rb : null;
        return new PairCatalogueEntry(reference, secondary, bperp,
            r.Track == s.Track ? r.Track : null, r.Direction == s.Direction ? r.Direction : null, r.Polarisation == s.Polarisation ? r.Polarisation : null,
            Describe);
    }
}

/// <summary>Names of the accepted catalogue forms, as reported in results.</summary>
public static class PairCatalogueFormats
{
    public const string Ours = "reference,secondary,bperp_m";
    public const string VertexSbas = "ASF Vertex SBAS";
    public const string AsfSearchStack = "asf_search stack";
}
