namespace QuyCheWorkflow.Durable;

/// <summary>The version an instance was stamped with at start, and whether a worker saw it without serving that version.</summary>
/// <param name="Version">The instance's version; empty when none.</param>
/// <param name="IsVersionNotServed">
/// True when a worker saw the instance but serves no orchestrator for its name and version: its messages are kept and
/// retried, the instance is left untouched until a worker serving that version runs.
/// </param>
public sealed record OrchestrationVersionInfo(string Version, bool IsVersionNotServed);
