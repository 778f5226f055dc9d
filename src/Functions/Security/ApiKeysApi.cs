using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Security;

/// <summary>Administration of API keys: create (the key is in the response, once) and revoke.</summary>
public static class ApiKeysApi
{
    public const string Path = "/api/admin/api-keys";
    private const int MaxLabelLength = 200;

    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path).RequireAuthorization(QuyCheWorkflowPolicies.Administrator)
            .WithTags("API keys")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/", CreateApiKey).WithName(nameof(CreateApiKey))
            .WithSummary("Create an API key")
            .WithDescription("Administrators: creates a key with a role and the organisation it acts for. The key itself is in this answer only, once; it is stored as a hash.");
        group.MapGet("/{keyId}", GetApiKey).WithName(nameof(GetApiKey))
            .WithSummary("Read an API key's record")
            .WithDescription("Administrators: the key's role, organisation, label and dates, never the key itself.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{keyId}", RevokeApiKey).WithName(nameof(RevokeApiKey))
            .WithSummary("Revoke an API key")
            .WithDescription("Administrators: the key stops working at once.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Results<Created<ApiKeyCreatedResponse>, ValidationProblem>> CreateApiKey(
        CreateApiKeyRequest? request, ApiKeyStore store, CancellationToken cancellationToken)
    {
        var errors = Validate(request, out var role);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Yêu cầu không hợp lệ");
        }

        var created = await store.CreateAsync(role, request!.OrganisationId!.Trim(), request.Label?.Trim(), cancellationToken);
        var record = created.Record;
        return TypedResults.Created(
            $"{Path}/{record.KeyId}",
            new ApiKeyCreatedResponse(created.Key, record.KeyId, record.Role, record.OrganisationId, record.Label, record.CreatedAt));
    }

    public static async Task<Results<Ok<ApiKeyRecord>, ProblemHttpResult>> GetApiKey(
        string keyId, ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(keyId, cancellationToken) is { } record
            ? TypedResults.Ok(record)
            : NotFound();

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        string keyId, ApiKeyStore store, CancellationToken cancellationToken) =>
        await store.RevokeAsync(keyId, cancellationToken) ? TypedResults.NoContent() : NotFound();

    private static ProblemHttpResult NotFound() =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status404NotFound,
            title: "Không tìm thấy khóa API");

    private static Dictionary<string, string[]> Validate(CreateApiKeyRequest? request, out ApiRole role)
    {
        role = default;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["Thiếu nội dung yêu cầu."];
            return errors;
        }

        // Names only: Enum.TryParse would also take "7" or "Office,Administrator".
        if (request.Role is null || !Enum.GetNames<ApiRole>().Contains(request.Role, StringComparer.Ordinal))
        {
            errors["role"] = [$"Vai trò phải là một trong: {string.Join(", ", Enum.GetNames<ApiRole>())}."];
        }
        else
        {
            role = Enum.Parse<ApiRole>(request.Role);
        }

        var organisationId = request.OrganisationId?.Trim();
        if (!IdSyntax.IsValidReference(organisationId))
        {
            errors["organisationId"] =
                [$"Mã tổ chức bắt buộc, {IdSyntax.ReferenceRule}."];
        }

        if (request.Label is { Length: > MaxLabelLength })
        {
            errors["label"] = [$"Nhãn tối đa {MaxLabelLength} ký tự."];
        }

        return errors;
    }
}
