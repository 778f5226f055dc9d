namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// The text is not well-formed CSV; <see cref="Line"/> is where the fault is (0: the file as a whole, e.g. not UTF-8).
/// The message is Vietnamese and names no line, so that it can be shown under the line's key.
/// </summary>
public sealed class CsvFormatException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
