using NJsonSchema;
using NJsonSchema.Validation;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.Mail;

/// <summary>
/// SendGrid's official request-body schema of <c>POST /v3/mail/send</c>, kept as data in the shared schemas
/// folder beside the repository (<c>../shared/schemas</c>), validated with NJsonSchema.
/// </summary>
internal static class SendGridMailSchema
{
    private static readonly Lazy<Task<JsonSchema>> s_schema = new(() => JsonSchema.FromFileAsync(
        Path.Combine(RepositoryPaths.Root, "..", "shared", "schemas", "sendgrid-mail-send.schema.json")));

    /// <summary>Every violation of <paramref name="json"/>, one line each (path and kind); empty when valid.</summary>
    public static async Task<IReadOnlyList<string>> ValidateAsync(string json) =>
        Describe((await s_schema.Value).Validate(json)).ToList();

    private static IEnumerable<string> Describe(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            yield return $"{error.Path}: {error.Kind}";
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
