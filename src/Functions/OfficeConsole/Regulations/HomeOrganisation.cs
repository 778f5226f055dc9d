using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// What the home page says about one organisation the person serves: its regulations still alive, whether it has no
/// regulation for the current term yet (from the status view, and the page then offers "Tạo quy chế") and what the
/// status view says the process waits for.
/// </summary>
public sealed record HomeOrganisation(
    Organisation Organisation,
    IReadOnlyList<HomeRegulation> Regulations,
    bool IsMissing,
    string? PendingSummary);
