namespace QuyCheWorkflow.Storage.Pipeline;

/// <summary>How safe an operation is to repeat.</summary>
internal enum RetryMode
{
    /// <summary>Repeating has the same effect as doing it once (reads, PUT/DELETE of a whole resource, conditional writes).</summary>
    Idempotent,

    /// <summary>Repeating could apply it twice; retried only when the request provably never left (connection refused).</summary>
    NotIdempotent,
}
