namespace QuyCheWorkflow.Durable;

/// <summary>How an orchestration stands after an episode.</summary>
internal enum EpisodeOutcome
{
    Running,
    Completed,
    Failed,
    Terminated,
    ContinuedAsNew,
}
