namespace QuyCheWorkflow.Storage.Queues;

/// <summary>How message text is put on the wire.</summary>
public enum QueueMessageEncoding
{
    /// <summary>Base64 of the UTF-8 bytes: what the Azure Functions queue trigger and the Azure SDKs expect.</summary>
    Base64,

    /// <summary>The text itself, XML-escaped.</summary>
    None,
}
