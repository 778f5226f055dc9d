namespace QuyCheWorkflow.Functions.State;

/// <summary>A stored document's bytes no longer hash to its name: it was altered in storage.</summary>
public sealed class DocumentIntegrityException : Exception
{
    public DocumentIntegrityException()
    {
    }

    public DocumentIntegrityException(string message)
        : base(message)
    {
    }

    public DocumentIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DocumentIntegrityException(string expectedHash, string actualHash)
        : base($"Document {expectedHash} was altered in storage: its bytes hash to {actualHash}.")
    {
        ExpectedHash = expectedHash;
        ActualHash = actualHash;
    }

    public string? ExpectedHash { get; }

    public string? ActualHash { get; }
}
