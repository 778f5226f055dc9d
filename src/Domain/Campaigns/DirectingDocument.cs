namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>
/// The upper level's document that directs the campaign (e.g. "Công văn số 125-CV/TU"): its number, its date and,
/// optionally, a reference to its stored file.
/// </summary>
public sealed record DirectingDocument(string Number, DateOnly Date, string? FileReference = null);
