namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>An organisation named in a list, linked to its page.</summary>
public sealed record OrganisationLink(string Id, string Name);
