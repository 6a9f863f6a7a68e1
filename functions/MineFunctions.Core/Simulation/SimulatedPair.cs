namespace MineFunctions.Core.Simulation;

/// <summary>One simulated interferometric pair and its ground truth.</summary>
public sealed record SimulatedPair(int Index, DateOnly ReferenceDate, DateOnly SecondaryDate, int Year, bool WeatherHit);
