namespace QuyCheWorkflow.Functions.ApiReference;

/// <summary>
/// One field the OpenAPI document names for an operation that reads its input by hand: a multipart form part or
/// a query parameter. <paramref name="Type"/> is a JSON schema type ("string", "integer", "boolean");
/// <paramref name="Format"/> refines it ("binary" for a file, "date" for yyyy-MM-dd); <paramref name="Values"/>
/// lists the accepted values when there is a fixed set.
/// </summary>
public sealed record ApiField(string Name, string Type, string Description, string? Format = null, bool Required = false, IReadOnlyList<string>? Values = null)
{
    /// <summary>The <c>file</c> part of an upload: a DOCX or PDF, recognised by its content.</summary>
    public static ApiField Document(string description) => new("file", "string", description, "binary", Required: true);

    /// <summary>A required date written yyyy-MM-dd.</summary>
    public static ApiField Date(string name, string description) => new(name, "string", description, "date", Required: true);

    /// <summary>A field that takes one of the names of <typeparamref name="TEnum"/>, and optionally extra values.</summary>
    public static ApiField OneOf<TEnum>(string name, string description, bool required = false, params string[] extra)
        where TEnum : struct, Enum =>
        new(name, "string", description, Required: required, Values: [.. Enum.GetNames<TEnum>(), .. extra]);
}
