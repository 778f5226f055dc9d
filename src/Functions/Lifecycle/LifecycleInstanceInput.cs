namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// The input of every lifecycle orchestration: whose stage object it runs. Everything else is read from the
/// tables when the orchestration wakes, so a command changing the object needs no payload in its event.
/// </summary>
/// <param name="OrganisationId">The organisation of the regulation.</param>
/// <param name="RegulationId">The regulation.</param>
/// <param name="SubjectId">The consultation round, vote round, filing or review id.</param>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record LifecycleInstanceInput(string OrganisationId, string RegulationId, string SubjectId);
