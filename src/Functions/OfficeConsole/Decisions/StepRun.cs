using QuyCheWorkflow.Domain;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>What became of a step's command.</summary>
/// <param name="Kind">Done, refused by the rules, or not run for another reason.</param>
/// <param name="Refusal">The rules' refusal, when <paramref name="Kind"/> is <see cref="StepRunKind.Refused"/>.</param>
public sealed record StepRun(StepRunKind Kind, DomainException? Refusal = null);

/// <summary>How a step's command ended.</summary>
public enum StepRunKind
{
    /// <summary>Ran now, or ran before under the same request id (a form sent twice).</summary>
    Done,

    /// <summary>The same form is being recorded by another request.</summary>
    InProgress,

    /// <summary>The rules refused it; nothing was stored.</summary>
    Refused,

    /// <summary>The regulation changed at the same time more often than the command retries; nothing was stored.</summary>
    Conflict,

    /// <summary>The regulation, or the round the step acts on, does not exist.</summary>
    NotFound,

    /// <summary>The request id ran another command.</summary>
    RequestIdReused,
}
