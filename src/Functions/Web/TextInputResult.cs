namespace QuyCheWorkflow.Functions.Web;

/// <summary>What <see cref="TextInput"/> made of a field: the clean text (null when empty or refused) or why it was refused.</summary>
/// <param name="Text">The normalised text, or null.</param>
/// <param name="Error">The Vietnamese reason it was refused, or null.</param>
public readonly record struct TextInputResult(string? Text, string? Error);
