namespace QuyCheWorkflow.Functions.State;

/// <summary>Names of the tables and container holding the lifecycle state.</summary>
public sealed class StateOptions
{
    /// <summary>Prepended to every table name (letters and digits only), so several deployments or test runs can share one account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>Container of documents and minutes addressed by their SHA-256.</summary>
    public string DocumentsContainer { get; set; } = "documents";

    /// <summary>
    /// Container of the ASP.NET Core data-protection key ring (dashboard sign-in cookies, antiforgery tokens), shared
    /// by every instance of the app so that a form served by one is accepted by another.
    /// </summary>
    public string DataProtectionContainer { get; set; } = "data-protection";
}
