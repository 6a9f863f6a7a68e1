namespace MineFunctions.Core.Acquisition;

/// <summary>
/// One Sentinel-1 IW acquisition as a search returns it: a burst (<c>processingLevel=BURST</c>) or
/// a whole SLC. <see cref="StackId"/> names what repeats exactly from pass to pass (the full burst
/// id, e.g. "174_372326_IW3", or "path-frame" for SLCs); only acquisitions of one stack pair up.
/// <see cref="PerpendicularBaselineM"/> is relative to one reference of the stack (as asf_search
/// reports it), so a pair's Bperp is the difference of its two scenes' values; null when unknown.
/// <see cref="Orbit"/> holds the state vectors it can be computed from (<see cref="StateVectorBaseline"/>).
/// </summary>
public sealed record SceneAcquisition(
    string SceneName,
    DateTimeOffset StartTime,
    int Track,
    string Direction,
    string Polarisation,
    string StackId,
    double? PerpendicularBaselineM = null,
    OrbitStateVectors? Orbit = null)
{
    /// <summary>The UTC acquisition date: temporal baselines are counted in whole days between dates (METHOD.md §1.1).</summary>
    public DateOnly Date => DateOnly.FromDateTime(StartTime.UtcDateTime);

    /// <summary>True when the scene carries <paramref name="polarisation"/> (a dual-pol SLC "VV+VH" carries VV and VH).</summary>
    public bool Carries(string polarisation) =>
        Polarisation.Split('+', StringSplitOptions.TrimEntries).Contains(polarisation, StringComparer.OrdinalIgnoreCase);
}
