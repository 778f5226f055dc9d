namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// The file is not well-formed CSV; <see cref="Line"/> is the line of the file the faulty record starts on (0: the
/// file as a whole, e.g. not UTF-8). The message is Vietnamese and names no line, so that it can be shown under the
/// line's key.
/// </summary>
public sealed class MalformedCsvException(int line, string message) : Exception(message)
{
    public int Line { get; } = line;
}
