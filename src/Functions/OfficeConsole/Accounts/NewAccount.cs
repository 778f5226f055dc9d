namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>What a person asks for when creating an account, as typed (checked by <see cref="AccountAdministration"/>).</summary>
public sealed record NewAccount(string? FullName, string? Email, string? OrganisationId, string? Role);
