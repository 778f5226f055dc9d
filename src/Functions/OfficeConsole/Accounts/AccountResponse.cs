using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>An account as <c>/api/accounts</c> shows it.</summary>
public sealed record AccountResponse(
    string Id,
    string FullName,
    string Email,
    string OrganisationId,
    ApiRole Role,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    bool Disabled,
    DateTimeOffset? DisabledAt,
    string? DisabledBy)
{
    public static AccountResponse From(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id, account.FullName, account.Email, account.OrganisationId, account.Role, account.CreatedAt, account.CreatedBy,
            account.IsDisabled, account.DisabledAt, account.DisabledBy);
    }
}
