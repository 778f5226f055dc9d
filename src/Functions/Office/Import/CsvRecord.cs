namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>One record of a CSV file: its fields and the line of the file it starts on (1 = the header).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
