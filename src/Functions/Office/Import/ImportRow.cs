namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>A data row of an import file, its cells by canonical column name.</summary>
internal sealed class ImportRow(int line, IReadOnlyDictionary<string, string> cells)
{
    public int Line { get; } = line;

    /// <summary>The cell of <paramref name="column"/>, or null when the file has no such column.</summary>
    public string? this[string column] => cells.TryGetValue(column, out var value) ? value : null;

    /// <summary>The key an error of this row and column is reported under, e.g. "dòng 7, cột email".</summary>
    public string Key(string column) => ImportSheet.ErrorKey(Line, column);
}
