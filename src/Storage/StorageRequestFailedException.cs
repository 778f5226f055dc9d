namespace QuyCheWorkflow.Storage;

/// <summary>
/// The only exception the storage clients throw for a failed service call. <see cref="Status"/> is the HTTP status,
/// or 0 when no response arrived (connection refused or reset, or every attempt timed out).
/// </summary>
public class StorageRequestFailedException : Exception
{
    public StorageRequestFailedException()
        : this(0, null, null, "The storage request failed.")
    {
    }

    public StorageRequestFailedException(string message)
        : this(0, null, null, message)
    {
    }

    public StorageRequestFailedException(string message, Exception innerException)
        : this(0, null, null, message, innerException)
    {
    }

    public StorageRequestFailedException(int status, string? errorCode, string? requestId, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
        RequestId = requestId;
    }

    /// <summary>The HTTP status code, or 0 when the service could not be reached.</summary>
    public int Status { get; }

    /// <summary>The service's error code (x-ms-error-code header, XML <c>Code</c> or OData <c>code</c>), when it sent one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The service's x-ms-request-id, for correlating with server-side logs.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// True when the same request may succeed later: no response (connection failure, timeout), 408, 429, 500, 502, 503
    /// or 504. A caller that retries a non-idempotent operation (queue send, table insert) on this condition accepts
    /// that the first attempt may have been applied.
    /// </summary>
    public bool IsTransient => Status is 0 or 408 or 429 or 500 or 502 or 503 or 504;
}
