using NJsonSchema;
using NJsonSchema.Validation;

namespace QuyCheWorkflow.Functions.Tests.Schemas;

/// <summary>
/// The official host.json and function.json schemas (draft-04, kept beside these tests), validated with NJsonSchema.
/// Each violation comes back as one line naming where it is, what is wrong and, for a property, which one.
/// </summary>
internal static class FunctionsHostSchemas
{
    private static readonly Lazy<Task<JsonSchema>> s_host = new(() => LoadAsync("azure-functions-host.schema.json"));
    private static readonly Lazy<Task<JsonSchema>> s_function = new(() => LoadAsync("azure-functions-function.schema.json"));

    /// <summary>
    /// Validates against <c>#/definitions/version-2</c>: the schema's top level is a <c>oneOf</c> of version-1,
    /// version-2 and version-2-ext-5, and a v2 file matches two of them.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ValidateHostAsync(string json) =>
        Describe((await s_host.Value).Definitions["version-2"].Validate(json)).ToList();

    public static async Task<IReadOnlyList<string>> ValidateFunctionAsync(string json) =>
        Describe((await s_function.Value).Validate(json)).ToList();

    private static Task<JsonSchema> LoadAsync(string fileName) =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", fileName));

    private static IEnumerable<string> Describe(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return error.Property is null ? $"{error.Path}: {error.Kind}" : $"{error.Path}: {error.Kind} ({error.Property})";
            if (error is ChildSchemaValidationError child)
            {
                foreach (var nested in Describe(child.Errors.SelectMany(e => e.Value)))
                {
                    yield return nested;
                }
            }
        }
    }
}
