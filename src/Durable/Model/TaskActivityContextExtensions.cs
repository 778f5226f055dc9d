namespace QuyCheWorkflow.Durable;

/// <summary>What the engine tells an activity beyond the SDK's <see cref="TaskActivityContext"/>.</summary>
public static class TaskActivityContextExtensions
{
    extension(TaskActivityContext context)
    {
        /// <summary>
        /// Gets the token signalled when the engine's worker shuts down or gives the delivery up (the activity then
        /// runs again later: delivery is at least once). <see cref="System.Threading.CancellationToken.None"/> when the
        /// activity runs under another durabletask backend, whose context carries no token.
        /// </summary>
        public CancellationToken CancellationToken =>
            context is EngineActivityContext engine ? engine.CancellationToken : System.Threading.CancellationToken.None;
    }
}
