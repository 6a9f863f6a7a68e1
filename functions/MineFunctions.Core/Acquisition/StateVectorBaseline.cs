namespace MineFunctions.Core.Acquisition;

/// <summary>
/// Perpendicular baselines of a Sentinel-1 stack from the state vectors in each product's
/// metadata, computed the way ASF's asf_search does for Sentinel-1 (its baseline calc module), so
/// the numbers agree with Vertex and asf_search stacks:
/// <list type="number">
/// <item>times are taken relative to each orbit's ascending node, which lines repeat passes up;</item>
/// <item>a shared relative time is chosen that the reference's own state vectors cover (its pre,
/// else its post vector time), and each satellite's position there is interpolated linearly
/// between its two vectors with the radius interpolated separately (the orbit is curved);</item>
/// <item>the reference's look direction runs from the scene centre (on the WGS84 ellipsoid) to its
/// satellite; the baseline axis is the unit vector perpendicular to that direction and to the
/// reference velocity;</item>
/// <item>Bperp of a scene = its satellite's offset from the scene centre along that axis, rounded
/// to whole metres (the reference gets 0).</item>
/// </list>
/// </summary>
public static class StateVectorBaseline
{
    private const double A = 6378137.0;                               // WGS84 semi-major axis (m)
    private static readonly double F = Math.Pow(1.0 - 1 / 298.257224, 2); // (1 − flattening)², as asf_search uses it

    /// <summary>Bperp of <paramref name="scene"/> relative to <paramref name="reference"/> in whole metres; null when implausible (|B| &gt; 100 km: different orbits).</summary>
    public static double? Relative(OrbitStateVectors reference, OrbitStateVectors scene)
    {
        var refPre = Seconds(reference.PrePositionTime - reference.AscendingNodeTime);
        var refPost = Seconds(reference.PostPositionTime - reference.AscendingNodeTime);
        var secPre = Seconds(scene.PrePositionTime - scene.AscendingNodeTime);
        var secPost = Seconds(scene.PostPositionTime - scene.AscendingNodeTime);

        var start = Math.Max(refPre, secPre);
        var end = Math.Max(refPost, secPost);
        var shared = start == refPre ? start : end == refPost ? end : start;

        var refPos = Position(reference, refPre, refPost, shared);
        var refVel = Velocity(reference, refPre, refPost, shared);
        var secPos = Position(scene, secPre, secPost, shared);

        var centre = Ellipsoid(reference.CenterLatitude, reference.CenterLongitude);
        var along = Unit(Sub(refPos, centre));
        var up = Unit(Cross(refVel, along));
        var b = Dot(up, Sub(secPos, centre));
        return Math.Abs(b) > 100_000 ? null : Math.Round(b, MidpointRounding.ToEven);
    }

    /// <summary>
    /// Fills in the Bperp of every stack (same <see cref="SceneAcquisition.StackId"/>, track and
    /// direction) in which some scene lacks one and every scene has state vectors, relative to the
    /// stack's middle acquisition (pairs only use differences, so any one reference serves).
    /// Stacks with Bperps already, or without state vectors, are left as they are.
    /// </summary>
    public static IReadOnlyList<SceneAcquisition> FillMissing(IReadOnlyList<SceneAcquisition> scenes)
    {
        var filled = scenes.ToList();
        foreach (var stack in scenes.Select((s, i) => (s, i)).GroupBy(x => (x.s.StackId, x.s.Track, Direction: x.s.Direction.ToUpperInvariant())))
        {
            var members = stack.OrderBy(x => x.s.StartTime).ToList();
            if (members.All(x => x.s.PerpendicularBaselineM is not null) || members.Any(x => x.s.Orbit is null)) continue;
            var reference = members[members.Count / 2].s.Orbit!;
            foreach (var (s, i) in members) filled[i] = s with { PerpendicularBaselineM = Relative(reference, s.Orbit!) };
        }
        return filled;
    }

    private static double Seconds(TimeSpan t) => t.Ticks / (double)TimeSpan.TicksPerSecond;

    private static double[] Position(OrbitStateVectors o, double pre, double post, double t)
    {
        if (t == pre) return o.PrePosition;
        if (t == post) return o.PostPosition;
        var x = (t - pre) / (post - pre);
        var p = Lerp(o.PrePosition, o.PostPosition, x);
        // Linear interpolation cuts the chord of the orbit; put the point back on the interpolated radius.
        var r = Norm(o.PrePosition) + (Norm(o.PostPosition) - Norm(o.PrePosition)) * x;
        var scale = r / Norm(p);
        return [p[0] * scale, p[1] * scale, p[2] * scale];
    }

    private static double[] Velocity(OrbitStateVectors o, double pre, double post, double t)
    {
        if (t == pre) return o.PreVelocity;
        if (t == post) return o.PostVelocity;
        return Lerp(o.PreVelocity, o.PostVelocity, (t - pre) / (post - pre));
    }

    private static double[] Ellipsoid(double latDeg, double lonDeg)
    {
        var lat = latDeg * Math.PI / 180;
        var lon = lonDeg * Math.PI / 180;
        var c = 1.0 / Math.Sqrt(Math.Cos(lat) * Math.Cos(lat) + F * Math.Sin(lat) * Math.Sin(lat));
        var s = F * c;
        return [A * c * Math.Cos(lat) * Math.Cos(lon), A * c * Math.Cos(lat) * Math.Sin(lon), A * s * Math.Sin(lat)];
    }

    private static double[] Lerp(double[] a, double[] b, double x) => [a[0] * (1 - x) + b[0] * x, a[1] * (1 - x) + b[1] * x, a[2] * (1 - x) + b[2] * x];
    private static double[] Sub(double[] a, double[] b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
    private static double Dot(double[] a, double[] b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));
    private static double[] Unit(double[] a) { var n = Norm(a); return [a[0] / n, a[1] / n, a[2] / n]; }
    private static double[] Cross(double[] a, double[] b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}
