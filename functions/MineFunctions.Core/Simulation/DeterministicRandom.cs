namespace MineFunctions.Core.Simulation;

/// <summary>
/// xoshiro256** (Blackman &amp; Vigna 2018) seeded by SplitMix64: fast, and the same sequence on every
/// runtime and platform (System.Random's algorithm is an implementation detail), so simulated scenes
/// and their ground truth are reproducible from a seed.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public DeterministicRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed); _s1 = SplitMix(ref seed); _s2 = SplitMix(ref seed); _s3 = SplitMix(ref seed);
    }

    /// <summary>A seed derived from a parent seed and a stream number (e.g. one stream per pair).</summary>
    public static ulong Derive(ulong seed, ulong stream)
    {
        var s = seed ^ (stream * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL);
        return SplitMix(ref s);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0; _s3 ^= _s1; _s1 ^= _s2; _s0 ^= _s3; _s2 ^= t; _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Two independent standard normal values (Box–Muller).</summary>
    public (double A, double B) NextGaussianPair()
    {
        var u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        var u2 = NextDouble();
        var r = Math.Sqrt(-2.0 * Math.Log(u1));
        var (sin, cos) = Math.SinCos(2.0 * Math.PI * u2);
        return (r * cos, r * sin);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
