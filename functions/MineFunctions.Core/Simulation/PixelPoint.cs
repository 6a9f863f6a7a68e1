namespace MineFunctions.Core.Simulation;

/// <summary>A point in pixel coordinates: X = column, Y = row, (0, 0) the top-left corner of the top-left pixel.</summary>
public readonly record struct PixelPoint(double X, double Y);
