using System.Text.Json.Serialization;

namespace MineFunctions.Infrastructure.Acquisition;

/// <summary>HyP3 job status codes (openapi-spec: status_code enum).</summary>
public static class Hyp3Status
{
    public const string Pending = "PENDING";
    public const string Running = "RUNNING";
    public const string Succeeded = "SUCCEEDED";
    public const string Failed = "FAILED";

    public static bool IsActive(string status) => status is Pending or Running;
}

/// <summary>One downloadable file of a finished job (openapi-spec: list_of_files).</summary>
public sealed record Hyp3File(
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("url")] string Url);

/// <summary>The fields of a HyP3 job (openapi-spec: job) this service reads.</summary>
public sealed record Hyp3Job(
    [property: JsonPropertyName("job_id")] string JobId,
    [property: JsonPropertyName("job_type")] string JobType,
    [property: JsonPropertyName("status_code")] string StatusCode,
    [property: JsonPropertyName("request_time")] DateTimeOffset RequestTime,
    [property: JsonPropertyName("name")] string? Name = null,
    [property: JsonPropertyName("expiration_time")] DateTimeOffset? ExpirationTime = null,
    [property: JsonPropertyName("files")] IReadOnlyList<Hyp3File>? Files = null,
    [property: JsonPropertyName("logs")] IReadOnlyList<string>? Logs = null,
    [property: JsonPropertyName("credit_cost")] double? CreditCost = null);

/// <summary>The logged-in user (openapi-spec: user): credits left this month and the names of their jobs.</summary>
public sealed record Hyp3User(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("remaining_credits")] double? RemainingCredits,
    [property: JsonPropertyName("job_names")] IReadOnlyList<string> JobNames,
    [property: JsonPropertyName("application_status")] string? ApplicationStatus = null);

/// <summary>A HyP3 request that failed: its status code and the API's message; never the token.</summary>
public sealed class Hyp3Exception(string message, int? statusCode) : Exception(message)
{
    public int? StatusCode { get; } = statusCode;
}
