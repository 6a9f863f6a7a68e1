namespace MineFunctions.Core.Simulation;

/// <summary>Ground type of a simulated pixel, which sets its true coherence.</summary>
public enum LandCover : byte
{
    Bedrock = 0,
    Vegetation = 1,
    Mine = 2,
}
