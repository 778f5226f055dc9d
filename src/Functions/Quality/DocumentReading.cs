using QuyCheWorkflow.Domain.Documents;

namespace QuyCheWorkflow.Functions.Quality;

/// <summary>A stored file's text, split into its articles, or why there is none.</summary>
/// <param name="Text">The text; null when the file has no text layer or cannot be read.</param>
/// <param name="IsScanned">True when the file opened and has no text (a scanned PDF).</param>
public sealed record DocumentReading(RegulationText? Text, bool IsScanned)
{
    /// <summary>A file that is gone or cannot be opened.</summary>
    public static DocumentReading Unreadable { get; } = new(null, false);

    /// <summary>A file that opened with no text in it.</summary>
    public static DocumentReading Scanned { get; } = new(null, true);
}
