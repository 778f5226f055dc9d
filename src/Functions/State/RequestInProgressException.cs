namespace QuyCheWorkflow.Functions.State;

/// <summary>Another call with the same request id is running; retry after a moment to get its outcome.</summary>
public sealed class RequestInProgressException : Exception
{
    public RequestInProgressException()
    {
    }

    public RequestInProgressException(string requestId)
        : base($"Request '{requestId}' is being applied by another call.")
    {
        RequestId = requestId;
    }

    public RequestInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? RequestId { get; }
}
