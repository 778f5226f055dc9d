using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QuyCheWorkflow.Functions.Tests.Schemas;

/// <summary>
/// A JSON Schema draft-04 validator for exactly the keywords the Azure Functions host.json and function.json
/// schemas use. A keyword it does not know makes it throw rather than pass, so it cannot approve a document by
/// ignoring a constraint.
/// </summary>
internal sealed class JsonSchemaValidator
{
    private static readonly HashSet<string> s_annotations =
        ["$schema", "id", "title", "description", "default", "examples", "definitions"];

    private readonly JsonElement _root;

    public JsonSchemaValidator(JsonElement root)
    {
        _root = root;
    }

    public static JsonSchemaValidator Load(string path) =>
        new(JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone());

    /// <summary>Validates against the schema at a JSON pointer such as <c>#/definitions/version-2</c>.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance, string schemaPointer = "#")
    {
        var errors = new List<string>();
        Validate(instance, Resolve(schemaPointer), "$", errors);
        return errors;
    }

    private JsonElement Resolve(string pointer)
    {
        if (!pointer.StartsWith('#'))
        {
            throw new NotSupportedException($"Only local references are supported: '{pointer}'.");
        }

        var node = _root;
        foreach (var segment in pointer[1..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Uri.UnescapeDataString(segment).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node.GetProperty(name);
        }

        return node;
    }

    private void Validate(JsonElement instance, JsonElement schema, string path, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw new NotSupportedException($"Schema at {path} is not an object.");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            var value = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    Validate(instance, Resolve(value.GetString()!), path, errors);
                    break;
                case "type":
                    var types = value.ValueKind == JsonValueKind.Array
                        ? value.EnumerateArray().Select(t => t.GetString()!).ToArray()
                        : [value.GetString()!];
                    if (!types.Any(type => HasType(instance, type)))
                    {
                        errors.Add($"{path}: expected {string.Join(" or ", types)}, found {instance.ValueKind}");
                    }

                    break;
                case "enum":
                    if (!value.EnumerateArray().Any(candidate => JsonElement.DeepEquals(candidate, instance)))
                    {
                        errors.Add($"{path}: {instance.GetRawText()} is not one of {value.GetRawText()}");
                    }

                    break;
                case "properties":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var property in value.EnumerateObject())
                        {
                            if (instance.TryGetProperty(property.Name, out var child))
                            {
                                Validate(child, property.Value, path + "." + property.Name, errors);
                            }
                        }
                    }

                    break;
                case "additionalProperties":
                    ValidateAdditionalProperties(instance, schema, value, path, errors);
                    break;
                case "required":
                    if (instance.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var name in value.EnumerateArray().Select(n => n.GetString()!))
                        {
                            if (!instance.TryGetProperty(name, out _))
                            {
                                errors.Add($"{path}: required property '{name}' is missing");
                            }
                        }
                    }

                    break;
                case "items":
                    ValidateItems(instance, value, path, errors);
                    break;
                case "uniqueItems":
                    if (value.GetBoolean() && instance.ValueKind == JsonValueKind.Array)
                    {
                        var items = instance.EnumerateArray().ToList();
                        for (var i = 0; i < items.Count; i++)
                        {
                            for (var j = i + 1; j < items.Count; j++)
                            {
                                if (JsonElement.DeepEquals(items[i], items[j]))
                                {
                                    errors.Add($"{path}: items {i} and {j} are equal");
                                }
                            }
                        }
                    }

                    break;
                case "allOf":
                    foreach (var sub in value.EnumerateArray())
                    {
                        Validate(instance, sub, path, errors);
                    }

                    break;
                case "anyOf":
                    if (!value.EnumerateArray().Any(sub => IsValid(instance, sub, path)))
                    {
                        errors.Add($"{path}: matches none of anyOf");
                    }

                    break;
                case "oneOf":
                    var matches = value.EnumerateArray().Count(sub => IsValid(instance, sub, path));
                    if (matches != 1)
                    {
                        errors.Add($"{path}: matches {matches} of oneOf, not exactly one");
                    }

                    break;
                case "not":
                    if (IsValid(instance, value, path))
                    {
                        errors.Add($"{path}: matches a schema it must not match");
                    }

                    break;
                case "pattern":
                    if (instance.ValueKind == JsonValueKind.String &&
                        !Regex.IsMatch(instance.GetString()!, value.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(5)))
                    {
                        errors.Add($"{path}: '{instance.GetString()}' does not match {value.GetString()}");
                    }

                    break;
                case "minLength":
                    if (instance.ValueKind == JsonValueKind.String && instance.GetString()!.Length < value.GetInt32())
                    {
                        errors.Add($"{path}: shorter than {value.GetInt32()}");
                    }

                    break;
                case "minimum":
                    if (instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() < value.GetDecimal())
                    {
                        errors.Add($"{path}: {instance.GetDecimal()} is below the minimum {value.GetDecimal()}");
                    }

                    break;
                case "maximum":
                    if (instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() > value.GetDecimal())
                    {
                        errors.Add($"{path}: {instance.GetDecimal()} is above the maximum {value.GetDecimal()}");
                    }

                    break;
                default:
                    if (!s_annotations.Contains(keyword.Name))
                    {
                        throw new NotSupportedException($"Keyword '{keyword.Name}' (schema at {path}) is not supported.");
                    }

                    break;
            }
        }
    }

    private bool IsValid(JsonElement instance, JsonElement schema, string path)
    {
        var errors = new List<string>();
        Validate(instance, schema, path, errors);
        return errors.Count == 0;
    }

    private void ValidateAdditionalProperties(JsonElement instance, JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        if (instance.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var declared = schema.TryGetProperty("properties", out var properties)
            ? properties.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal)
            : [];
        foreach (var property in instance.EnumerateObject().Where(p => !declared.Contains(p.Name)))
        {
            if (value.ValueKind == JsonValueKind.False)
            {
                errors.Add($"{path}: property '{property.Name}' is not allowed");
            }
            else if (value.ValueKind == JsonValueKind.Object)
            {
                Validate(property.Value, value, path + "." + property.Name, errors);
            }
        }
    }

    private void ValidateItems(JsonElement instance, JsonElement value, string path, List<string> errors)
    {
        if (instance.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var item in instance.EnumerateArray())
        {
            var itemPath = path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (value.ValueKind == JsonValueKind.Array)
            {
                // Tuple form: position i is checked against schema i; later items are free (no additionalItems here).
                if (index < value.GetArrayLength())
                {
                    Validate(item, value[index], itemPath, errors);
                }
            }
            else
            {
                Validate(item, value, itemPath, errors);
            }

            index++;
        }
    }

    private static bool HasType(JsonElement instance, string type) => type switch
    {
        "object" => instance.ValueKind == JsonValueKind.Object,
        "array" => instance.ValueKind == JsonValueKind.Array,
        "string" => instance.ValueKind == JsonValueKind.String,
        "boolean" => instance.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => instance.ValueKind == JsonValueKind.Null,
        "number" => instance.ValueKind == JsonValueKind.Number,
        "integer" => instance.ValueKind == JsonValueKind.Number && instance.GetDecimal() % 1 == 0,
        _ => throw new NotSupportedException($"Type '{type}' is not a draft-04 type."),
    };
}
