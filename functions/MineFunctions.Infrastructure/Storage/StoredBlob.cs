namespace MineFunctions.Infrastructure.Storage;

/// <summary>A blob as listed: name, size, content hash (when written by this store), ETag and last change.</summary>
public sealed record StoredBlob(string Name, long Length, string? Sha256, string ETag, DateTimeOffset? LastModified);

/// <summary>Result of an idempotent upload: whether bytes were written, and the content hash now stored.</summary>
public sealed record BlobWriteResult(string Name, bool Written, string Sha256, long Length);

/// <summary>
/// A read that stops at a bound: <see cref="Content"/> is the whole blob when <see cref="Length"/> is within the bound,
/// and no more than the bound and one byte of it otherwise; <see cref="Length"/> is always the blob's size.
/// </summary>
public sealed record BoundedRead(byte[] Content, long Length, DateTimeOffset? LastModified);
