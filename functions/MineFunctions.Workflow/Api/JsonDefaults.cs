using System.Text.Json;
using System.Text.Json.Serialization;

namespace MineFunctions.Workflow.Api;

/// <summary>JSON options of the HTTP API and of reading orchestration payloads.</summary>
public static class JsonDefaults
{
    /// <summary>camelCase, case-insensitive reads (the worker's serializer may write either case).</summary>
    public static readonly JsonSerializerOptions Payloads = new(JsonSerializerDefaults.Web);

    /// <summary>Request bodies: like <see cref="Payloads"/> but unknown members are an error (a typo must not silently mean "all assets").</summary>
    public static readonly JsonSerializerOptions StrictBodies = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        MaxDepth = 8,
    };
}
