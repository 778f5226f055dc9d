namespace QuyCheWorkflow.Storage.Tables;

/// <summary>
/// An entity group transaction was rejected and none of its operations was applied.
/// <see cref="FailedTransactionActionIndex"/> is the position of the operation the service blamed, when it said.
/// </summary>
public sealed class TableTransactionFailedException : StorageRequestFailedException
{
    public TableTransactionFailedException()
    {
    }

    public TableTransactionFailedException(string message)
        : base(message)
    {
    }

    public TableTransactionFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TableTransactionFailedException(int status, string? errorCode, string? requestId, string message, int? failedTransactionActionIndex)
        : base(status, errorCode, requestId, message)
    {
        FailedTransactionActionIndex = failedTransactionActionIndex;
    }

    /// <summary>The zero-based index of the failing action, or null if the service did not name one.</summary>
    public int? FailedTransactionActionIndex { get; }
}
