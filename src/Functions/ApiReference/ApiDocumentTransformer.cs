using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.ApiReference;

/// <summary>
/// Completes the OpenAPI document: its title and description, the API-key security schemes (the
/// <c>X-Api-Key</c> header or <c>Authorization: ApiKey &lt;key&gt;</c>) required by every operation that needs
/// authorization, and what endpoints that read their input by hand declare through metadata
/// (<see cref="ApiFormFields"/>, <see cref="ApiQueryParameters"/>, <see cref="ApiAlternativeResponse"/>).
/// The summary and description an endpoint declares (<c>WithSummary</c>, <c>WithDescription</c>) win over the
/// handler's XML documentation, which the framework otherwise writes into the operation.
/// </summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string HeaderScheme = "ApiKeyHeader";
    public const string AuthorizationScheme = "ApiKeyAuthorization";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Info ??= new OpenApiInfo();
        document.Info.Title = "QuyCheWorkflow API";
        document.Info.Version = "v1";
        document.Info.Description =
            "The office API of QuyCheWorkflow: organisations and their standing committees, CSV imports, model regulations, " +
            "the regulation lifecycle commands, the status roll-up and the API keys. Every call but the health check needs an " +
            "API key, sent as `X-Api-Key: <key>` or `Authorization: ApiKey <key>`; what a key may reach is its organisation's " +
            "subtree. Errors are problem details (RFC 9457) titled in Vietnamese; 400 lists the faulty fields under `errors`.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[HeaderScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyAuthenticationHandler.HeaderName,
            Description = "The API key in the X-Api-Key header.",
        };
        document.Components.SecuritySchemes[AuthorizationScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "The API key in the Authorization header, written `ApiKey <key>`.",
        };
        ApplyDeclaredTexts(document, context);
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy) && !metadata.Any(m => m is IAllowAnonymous))
        {
            operation.Security =
            [
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(HeaderScheme, context.Document)] = [] },
                new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthorizationScheme, context.Document)] = [] },
            ];
        }

        foreach (var form in metadata.OfType<ApiFormFields>())
        {
            DescribeForm(operation, form);
        }

        foreach (var query in metadata.OfType<ApiQueryParameters>())
        {
            operation.Parameters ??= [];
            foreach (var field in query.Parameters)
            {
                operation.Parameters.Add(new OpenApiParameter
                {
                    Name = field.Name,
                    In = ParameterLocation.Query,
                    Description = field.Description,
                    Required = field.Required,
                    Schema = SchemaOf(field),
                });
            }
        }

        foreach (var alternative in metadata.OfType<ApiAlternativeResponse>())
        {
            operation.Responses ??= [];
            var key = alternative.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.TryGetValue(key, out var existing) || existing is not OpenApiResponse response)
            {
                response = new OpenApiResponse { Description = alternative.Description };
                operation.Responses[key] = response;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
            response.Content[alternative.ContentType] = new OpenApiMediaType
            {
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = alternative.Description },
            };
        }

        return Task.CompletedTask;
    }

    private static void ApplyDeclaredTexts(OpenApiDocument document, OpenApiDocumentTransformerContext context)
    {
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var summary = metadata.OfType<IEndpointSummaryMetadata>().LastOrDefault()?.Summary;
            var text = metadata.OfType<IEndpointDescriptionMetadata>().LastOrDefault()?.Description;
            if ((summary is null && text is null) || description.HttpMethod is not { } method ||
                document.Paths?.GetValueOrDefault("/" + description.RelativePath?.TrimStart('/')) is not { Operations: { } operations } ||
                operations.GetValueOrDefault(HttpMethod.Parse(method)) is not { } operation)
            {
                continue;
            }

            operation.Summary = summary ?? operation.Summary;
            operation.Description = text ?? operation.Description;
        }
    }

    private static void DescribeForm(OpenApiOperation operation, ApiFormFields form)
    {
        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(StringComparer.Ordinal),
        };
        foreach (var field in form.Fields)
        {
            schema.Properties[field.Name] = SchemaOf(field);
            if (field.Required)
            {
                schema.Required.Add(field.Name);
            }
        }

        if (operation.RequestBody is not OpenApiRequestBody body)
        {
            body = new OpenApiRequestBody { Required = true };
            operation.RequestBody = body;
        }

        body.Content ??= new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal);
        body.Content["multipart/form-data"] = new OpenApiMediaType { Schema = schema };
    }

    private static OpenApiSchema SchemaOf(ApiField field)
    {
        var schema = new OpenApiSchema
        {
            Type = field.Type switch
            {
                "integer" => JsonSchemaType.Integer,
                "boolean" => JsonSchemaType.Boolean,
                "number" => JsonSchemaType.Number,
                _ => JsonSchemaType.String,
            },
            Format = field.Format,
            Description = field.Description,
        };
        if (field.Values is { Count: > 0 } values)
        {
            schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
        }

        return schema;
    }
}
