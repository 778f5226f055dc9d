namespace QuyCheWorkflow.Functions.Security;

/// <summary>A new key: <see cref="Key"/> is shown once to whoever created it and is not stored anywhere.</summary>
public sealed record CreatedApiKey(string Key, ApiKeyRecord Record);
