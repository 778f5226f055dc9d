namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// A request id (an API's Idempotency-Key) came back with another command or another request body than the one it
/// first ran; nothing was run for it. Derives from <see cref="InvalidOperationException"/>, what was thrown before.
/// </summary>
public sealed class RequestIdReusedException : InvalidOperationException
{
    public RequestIdReusedException()
    {
    }

    public RequestIdReusedException(string message)
        : base(message)
    {
    }

    public RequestIdReusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
