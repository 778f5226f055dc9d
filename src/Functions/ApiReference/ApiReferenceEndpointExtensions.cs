namespace QuyCheWorkflow.Functions.ApiReference;

/// <summary>Attaches the metadata that <see cref="ApiDocumentTransformer"/> writes into the OpenAPI document.</summary>
public static class ApiReferenceEndpointExtensions
{
    /// <summary>Names the parts of the endpoint's <c>multipart/form-data</c> body.</summary>
    public static TBuilder WithFormFields<TBuilder>(this TBuilder builder, params ApiField[] fields)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ApiFormFields(fields));
    }

    /// <summary>Declares query parameters the endpoint reads from the query string itself.</summary>
    public static TBuilder WithQueryParameters<TBuilder>(this TBuilder builder, params ApiField[] parameters)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ApiQueryParameters(parameters));
    }

    /// <summary>Declares another content type of an answer, described as text.</summary>
    public static TBuilder ProducesText<TBuilder>(this TBuilder builder, int statusCode, string contentType, string description)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithMetadata(new ApiAlternativeResponse(statusCode, contentType, description));
    }
}
