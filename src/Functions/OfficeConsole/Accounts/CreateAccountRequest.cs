namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>The body of <c>POST /api/accounts</c>.</summary>
/// <param name="FullName">The person's full name.</param>
/// <param name="Email">Where sign-in links go; unique.</param>
/// <param name="OrganisationId">The organisation whose office the person works in; in the caller's subtree.</param>
/// <param name="Role"><c>Office</c>, <c>UpperLevelOffice</c> or (administrators only) <c>Administrator</c>.</param>
public sealed record CreateAccountRequest(string? FullName, string? Email, string? OrganisationId, string? Role);
