namespace QuyCheWorkflow.Functions.Web;

/// <summary>A column of a <see cref="Spreadsheet"/>: its header and its width in characters.</summary>
public sealed record SpreadsheetColumn(string Header, double Width);
