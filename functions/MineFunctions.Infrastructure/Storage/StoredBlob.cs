namespace MineFunctions.Infrastructure.Storage;

/// <summary>A blob as listed: name, size, content hash (when written by this store), ETag and last change.</summary>
public sealed record StoredBlob(string Name, long Length, string? Sha256, string ETag, DateTimeOffset? LastModified);

/// <summary>Result of an idempotent upload: whether bytes were written, and the content hash now stored.</summary>
public sealed record BlobWriteResult(string Name, bool Written, string Sha256, long Length);
