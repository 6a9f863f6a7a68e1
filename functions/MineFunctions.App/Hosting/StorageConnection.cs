using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace MineFunctions.App.Hosting;

/// <summary>
/// The app's own Blob and Table clients, on the same connection as the Functions host
/// (<c>AzureWebJobsStorage</c>): a connection string locally (Azurite), or identity-based in Azure
/// (<c>AzureWebJobsStorage__accountName</c> or <c>__blobServiceUri</c>/<c>__tableServiceUri</c>, plus
/// <c>__credential=managedidentity</c> and <c>__clientId</c> for a user-assigned identity), so no
/// account key is ever needed.
/// </summary>
public sealed class StorageConnection
{
    /// <summary>The connection name shared with the host and its bindings.</summary>
    public const string Name = "AzureWebJobsStorage";

    private readonly string? _connectionString;
    private readonly Uri? _blobUri;
    private readonly Uri? _tableUri;
    private readonly TokenCredential? _credential;

    /// <summary>Reads the connection from configuration; throws naming the missing settings.</summary>
    public StorageConnection(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _connectionString = configuration[Name];
        if (!string.IsNullOrWhiteSpace(_connectionString)) return;

        var section = configuration.GetSection(Name);
        var account = section["accountName"];
        _blobUri = Uri(section["blobServiceUri"]) ?? (account is null ? null : new Uri($"https://{account}.blob.core.windows.net"));
        _tableUri = Uri(section["tableServiceUri"]) ?? (account is null ? null : new Uri($"https://{account}.table.core.windows.net"));
        if (_blobUri is null || _tableUri is null)
            throw new InvalidOperationException(
                $"Storage is not configured: set {Name} (a connection string) or {Name}__accountName (identity-based).");
        var clientId = section["clientId"];
        _credential = string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }

    /// <summary>A Blob service client on this connection.</summary>
    public BlobServiceClient CreateBlobServiceClient() =>
        _connectionString is not null ? new BlobServiceClient(_connectionString) : new BlobServiceClient(_blobUri, _credential);

    /// <summary>A Table service client on this connection.</summary>
    public TableServiceClient CreateTableServiceClient() =>
        _connectionString is not null ? new TableServiceClient(_connectionString) : new TableServiceClient(_tableUri, _credential);

    private static Uri? Uri(string? value) => string.IsNullOrWhiteSpace(value) ? null : new Uri(value);
}
