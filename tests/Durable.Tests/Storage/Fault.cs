namespace QuyCheWorkflow.Durable.Tests.Storage;

/// <summary>How <see cref="FaultHandler"/> fails a matching attempt.</summary>
public enum Fault
{
    /// <summary>The request reaches Azurite and is carried out; the client gets a 503 instead of the answer.</summary>
    ServiceUnavailableAfterDelivery,

    /// <summary>The request reaches Azurite and is carried out; the connection drops before the answer.</summary>
    AnswerLostAfterDelivery,

    /// <summary>The connection is refused: the request never leaves.</summary>
    ConnectionRefused,
}
