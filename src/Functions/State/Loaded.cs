using Azure;

namespace QuyCheWorkflow.Functions.State;

/// <summary>A value as read, with the ETag to pass back when saving it.</summary>
public sealed record Loaded<T>(T Value, ETag ETag);
