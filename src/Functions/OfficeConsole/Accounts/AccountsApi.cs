using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// The console's accounts for systems and scripts (API key or Entra ID): list, create, disable, enable, under the
/// rules of <see cref="AccountAdministration"/>. Creating and disabling take an <c>Idempotency-Key</c> as the other
/// commands do: a retry gets the first outcome.
/// </summary>
public static class AccountsApi
{
    public const string Path = "/api/accounts";

    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .WithTags("Accounts")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/", ListAccounts).WithName(nameof(ListAccounts))
            .WithSummary("List accounts")
            .WithDescription("Upper-level offices: the console accounts of their subtree; administrators: every account.");
        group.MapPost("/", CreateAccount).WithName(nameof(CreateAccount))
            .WithSummary("Create an account")
            .WithDescription("Creates a console account in an organisation of the caller's subtree. Upper-level offices give the roles Office and UpperLevelOffice; administrators any role. 400 names the field refused (an e-mail that has an account, an organisation out of reach).")
            .ProducesValidationProblem();
        group.MapPost("/{accountId}/disable", DisableAccount).WithName(nameof(DisableAccount))
            .WithSummary("Disable an account")
            .WithDescription("The person can no longer sign in, and a session they have ends at its next request. Disabling twice changes nothing.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{accountId}/enable", EnableAccount).WithName(nameof(EnableAccount))
            .WithSummary("Enable an account")
            .WithDescription("The person can sign in again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    public static async Task<Ok<AccountResponse[]>> ListAccounts(HttpContext context, AccountAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok((await administration.ListAsync(context.User, cancellationToken)).Select(AccountResponse.From).ToArray());

    public static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> CreateAccount(
        CreateAccountRequest? request, HttpContext context, AccountAdministration administration, RequestLog requests, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return OfficeProblems.Invalid("body", "Thiếu nội dung yêu cầu.");
        }

        var outcome = await RunOnceAsync(context, requests, "account.create", async (actor, ct) => AccountResponse.From(
            await administration.CreateAsync(context.User, actor, new NewAccount(request.FullName, request.Email, request.OrganisationId, request.Role), ct)),
            cancellationToken);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }

        return outcome.Problem is { } problem ? problem : TypedResults.Created($"{Path}/{outcome.Value!.Id}", outcome.Value);
    }

    public static Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> DisableAccount(
        string accountId, HttpContext context, AccountAdministration administration, RequestLog requests, CancellationToken cancellationToken) =>
        SetDisabledAsync(accountId, disabled: true, context, administration, requests, cancellationToken);

    public static Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> EnableAccount(
        string accountId, HttpContext context, AccountAdministration administration, RequestLog requests, CancellationToken cancellationToken) =>
        SetDisabledAsync(accountId, disabled: false, context, administration, requests, cancellationToken);

    private static async Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> SetDisabledAsync(
        string accountId, bool disabled, HttpContext context, AccountAdministration administration, RequestLog requests, CancellationToken cancellationToken)
    {
        var outcome = await RunOnceAsync(context, requests, disabled ? "account.disable" : "account.enable", async (actor, ct) =>
            await administration.SetDisabledAsync(context.User, actor, accountId, disabled, ct) is { } account
                ? AccountResponse.From(account)
                : null,
            cancellationToken);
        if (outcome.Invalid is { } invalid)
        {
            return invalid;
        }

        if (outcome.Problem is { } problem)
        {
            return problem;
        }

        return outcome.Value is { } value ? TypedResults.Ok(value) : OfficeProblems.NotFound("tài khoản");
    }

    private static async Task<(AccountResponse? Value, ValidationProblem? Invalid, ProblemHttpResult? Problem)> RunOnceAsync(
        HttpContext context, RequestLog requests, string commandName, Func<Lifecycle.Actor, CancellationToken, Task<AccountResponse?>> command,
        CancellationToken cancellationToken)
    {
        var key = context.Request.Headers[IdempotencyKeys.Header].ToString().Trim();
        if (key.Length > 0 && OrganisationFields.Id(key, IdempotencyKeys.Header, new(StringComparer.Ordinal)) is null)
        {
            return (null, OfficeProblems.Invalid(IdempotencyKeys.Header, "Idempotency-Key tối đa 64 ký tự chữ, số, '-', '_' hoặc '.'."), null);
        }

        var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
        try
        {
            if (key.Length == 0)
            {
                return (await command(actor, cancellationToken), null, null);
            }

            var scope = context.User.GetOrganisationId() ?? "admin";
            return (await requests.ExecuteOnceAsync($"api-account-{scope}-{key}",
                await IdempotencyKeys.CommandOfAsync(context.Request, commandName, cancellationToken),
                ct => command(actor, ct), cancellationToken), null, null);
        }
        catch (AccountRequestException exception)
        {
            return exception.Field.Length == 0
                ? (null, null, OfficeProblems.Conflict(exception.Message))
                : (null, OfficeProblems.Invalid(exception.Field, exception.Message), null);
        }
        catch (RequestInProgressException)
        {
            return (null, null, OfficeProblems.Conflict("Yêu cầu cùng Idempotency-Key đang được xử lý; đề nghị thử lại sau."));
        }
        catch (RequestIdReusedException)
        {
            return (null, null, OfficeProblems.KeyReused());
        }
    }
}
