namespace QuyCheWorkflow.Functions.Web;

/// <summary>How a message page is coloured and announced (errors as alerts, the rest as status).</summary>
public enum MessageTone
{
    Info,
    Success,
    Warning,
    Error,
}
