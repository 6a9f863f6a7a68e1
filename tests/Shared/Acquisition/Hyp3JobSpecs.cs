using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MineFunctions.Testing.Acquisition;

/// <summary>
/// The HyP3 job specs (shared/data/real/hyp3/api/*.yml) as a validator of POST /jobs bodies: for
/// each job type its required parameters and each parameter's api_schema (type, minItems,
/// maxItems, items.pattern/minLength/maxLength, enum, minimum/maximum), read from the YAML where it
/// lies, so a request body is checked against what HyP3 publishes, not against a transcription.
/// </summary>
public sealed class Hyp3JobSpecs
{
    private readonly Dictionary<string, (List<string> Required, Dictionary<string, YamlMappingNode> Schemas)> _types = new(StringComparer.Ordinal);

    public static string[] Files { get; } = ["INSAR_ISCE_BURST.yml", "INSAR_ISCE_MULTI_BURST.yml", "INSAR_GAMMA.yml"];

    public static Hyp3JobSpecs Load()
    {
        var specs = new Hyp3JobSpecs();
        foreach (var file in Files)
        {
            var yaml = new YamlStream();
            using (var reader = new StringReader(File.ReadAllText(SharedData.Real("hyp3", "api", file)))) yaml.Load(reader);
            var root = (YamlMappingNode)yaml.Documents[0].RootNode;
            foreach (var (key, value) in root.Children)
            {
                var type = ((YamlScalarNode)key).Value!;
                var spec = (YamlMappingNode)value;
                var required = ((YamlSequenceNode)spec["required_parameters"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();
                var schemas = ((YamlMappingNode)spec["parameters"]).Children.ToDictionary(
                    p => ((YamlScalarNode)p.Key).Value!, p => (YamlMappingNode)((YamlMappingNode)p.Value)["api_schema"]);
                specs._types[type] = (required, schemas);
            }
        }
        return specs;
    }

    public IReadOnlyCollection<string> JobTypes => _types.Keys;

    /// <summary>The spec's enum of a parameter, e.g. looks.</summary>
    public IReadOnlyList<string> Enum(string jobType, string parameter) =>
        ((YamlSequenceNode)_types[jobType].Schemas[parameter]["enum"]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

    /// <summary>Every way a new_job object breaks the spec; empty when it conforms.</summary>
    public List<string> Violations(JsonObject job)
    {
        var errors = new List<string>();
        foreach (var key in job.Select(p => p.Key).Where(k => k is not ("name" or "job_type" or "job_parameters")))
            errors.Add($"unknown field '{key}'");
        if (job["name"] is JsonValue n && n.TryGetValue<string>(out var name) && name.Length is < 1 or > 100)
            errors.Add($"name is {name.Length} characters, allowed 1-100");
        var type = job["job_type"]?.GetValue<string>();
        if (type is null || !_types.TryGetValue(type, out var spec))
        {
            errors.Add($"unknown job_type '{type}'");
            return errors;
        }
        var parameters = job["job_parameters"] as JsonObject ?? [];
        foreach (var r in spec.Required.Where(r => !parameters.ContainsKey(r))) errors.Add($"{type}: required parameter '{r}' missing");
        foreach (var (key, value) in parameters)
        {
            if (!spec.Schemas.TryGetValue(key, out var schema))
            {
                errors.Add($"{type}: unknown parameter '{key}'");
                continue;
            }
            Check($"{type}.{key}", schema, value, errors);
        }
        return errors;
    }

    private static void Check(string path, YamlMappingNode schema, JsonNode? value, List<string> errors)
    {
        string? S(string k) => schema.Children.TryGetValue(new YamlScalarNode(k), out var v) && v is YamlScalarNode s ? s.Value : null;
        switch (S("type"))
        {
            case "array":
                if (value is not JsonArray array)
                {
                    errors.Add($"{path}: expected an array");
                    return;
                }
                if (S("minItems") is { } min && array.Count < int.Parse(min)) errors.Add($"{path}: {array.Count} items, minItems {min}");
                if (S("maxItems") is { } max && array.Count > int.Parse(max)) errors.Add($"{path}: {array.Count} items, maxItems {max}");
                var items = (YamlMappingNode)schema["items"];
                foreach (var item in array) Check(path + "[]", items, item, errors);
                return;
            case "string":
                if (value is not JsonValue sv || !sv.TryGetValue<string>(out var text))
                {
                    errors.Add($"{path}: expected a string");
                    return;
                }
                if (S("pattern") is { } pattern && !Regex.IsMatch(text, pattern)) errors.Add($"{path}: '{text}' does not match {pattern}");
                if (S("minLength") is { } minL && text.Length < int.Parse(minL)) errors.Add($"{path}: '{text}' shorter than {minL}");
                if (S("maxLength") is { } maxL && text.Length > int.Parse(maxL)) errors.Add($"{path}: '{text}' longer than {maxL}");
                if (schema.Children.TryGetValue(new YamlScalarNode("enum"), out var e) && !((YamlSequenceNode)e).Children.Any(c => ((YamlScalarNode)c).Value == text))
                    errors.Add($"{path}: '{text}' not in enum");
                return;
            case "boolean":
                if (value is not JsonValue bv || !bv.TryGetValue<bool>(out _)) errors.Add($"{path}: expected a boolean");
                return;
            case "number":
                if (value is not JsonValue nv || !nv.TryGetValue<double>(out var number)) errors.Add($"{path}: expected a number");
                else if ((S("minimum") is { } lo && number < double.Parse(lo, System.Globalization.CultureInfo.InvariantCulture))
                         || (S("maximum") is { } hi && number > double.Parse(hi, System.Globalization.CultureInfo.InvariantCulture)))
                    errors.Add($"{path}: {number} out of range");
                return;
        }
    }
}
