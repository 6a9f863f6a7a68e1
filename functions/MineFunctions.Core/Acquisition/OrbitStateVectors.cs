namespace MineFunctions.Core.Acquisition;

/// <summary>
/// What a Sentinel-1 product's metadata says about the orbit around its acquisition: ECEF
/// position and velocity state vectors just before and just after it (metres, m/s, UTC), the
/// ascending node time of that orbit, the acquisition's start/stop times and its scene centre.
/// </summary>
public sealed record OrbitStateVectors(
    double[] PrePosition,
    DateTimeOffset PrePositionTime,
    double[] PostPosition,
    DateTimeOffset PostPositionTime,
    double[] PreVelocity,
    double[] PostVelocity,
    DateTimeOffset AscendingNodeTime,
    double CenterLatitude,
    double CenterLongitude);
