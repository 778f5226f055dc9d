namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>A regulation named on its organisation's page, linked to its own page.</summary>
/// <param name="Id">The regulation's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Term">The term it serves, e.g. "2025 - 2030".</param>
/// <param name="StageLabel">Its stage, in Vietnamese.</param>
/// <param name="Symbol">Its number and symbol once issued.</param>
public sealed record RegulationLink(string Id, string Title, string Term, string StageLabel, string? Symbol);
