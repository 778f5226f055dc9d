using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>A named person who signs in to the office console.</summary>
/// <param name="Id">The account's id (random, never reused).</param>
/// <param name="FullName">The person's full name, as the audit log and the timeline show it.</param>
/// <param name="Email">Where the sign-in links go: trimmed and lower-cased (see <see cref="AccountStore.NormaliseEmail"/>); unique.</param>
/// <param name="OrganisationId">The organisation whose office the person works in.</param>
/// <param name="Role">What the person may do, as the API's roles say it.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="CreatedBy">Who created it, by name.</param>
public sealed record Account(
    string Id,
    string FullName,
    string Email,
    string OrganisationId,
    ApiRole Role,
    DateTimeOffset CreatedAt,
    string CreatedBy)
{
    /// <summary>When the account was disabled, or null while it may sign in.</summary>
    public DateTimeOffset? DisabledAt { get; init; }

    /// <summary>Who disabled it, by name, or null.</summary>
    public string? DisabledBy { get; init; }

    /// <summary>
    /// Sessions started at or before this instant are over (set when the account is disabled, so enabling it again does
    /// not bring old sessions back, and when the person signs out on every device), or null. A session's start is kept
    /// to the second, so one started in the same second is over too.
    /// </summary>
    public DateTimeOffset? SessionsValidFrom { get; init; }

    public bool IsDisabled => DisabledAt is not null;

    /// <summary>Whether a session started at <paramref name="issuedAt"/> (null: not known) is still one of this account's.</summary>
    public bool AcceptsSessionIssuedAt(DateTimeOffset? issuedAt) =>
        !IsDisabled && (SessionsValidFrom is not { } from || (issuedAt is { } issued && issued > from));
}
