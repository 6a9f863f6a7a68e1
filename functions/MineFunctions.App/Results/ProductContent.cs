namespace MineFunctions.App.Results;

/// <summary>An opened product blob: its content stream (the caller disposes it) and media type.</summary>
public sealed record ProductContent(Stream Content, string ContentType);
