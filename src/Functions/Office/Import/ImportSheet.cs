using System.Globalization;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// The data rows of an import file under its header line: column names matched to the known ones ignoring case,
/// every required column present, no unknown or repeated column, every row as wide as the header, and no more
/// rows than the limit. Faults are collected under "tệp", "dòng N" or "dòng N, cột c" keys.
/// <para>
/// Columns without a name at the end of the header (a spreadsheet saved with a trailing separator or with blank
/// columns) are ignored as long as they hold nothing: rows may then be as wide as the named columns or as the header.
/// </para>
/// </summary>
internal sealed class ImportSheet
{
    public const string FileKey = "tệp";

    private ImportSheet(IReadOnlyList<ImportRow> rows, IReadOnlySet<string> columns)
    {
        Rows = rows;
        Columns = columns;
    }

    public IReadOnlyList<ImportRow> Rows { get; }

    /// <summary>The canonical names of the columns the file has.</summary>
    public IReadOnlySet<string> Columns { get; }

    public static string ErrorKey(int line, string column) => string.Create(CultureInfo.InvariantCulture, $"dòng {line}, cột {column}");

    public static string LineKey(int line) => string.Create(CultureInfo.InvariantCulture, $"dòng {line}");

    /// <returns>The sheet, or null with <paramref name="errors"/> filled when the header or a row's width is wrong or there are too many rows.</returns>
    public static ImportSheet? Open(
        IReadOnlyList<CsvRecord> records, IReadOnlyList<string> required, IReadOnlyList<string> optional, int maxRows,
        Dictionary<string, string[]> errors)
    {
        if (records.Count == 0)
        {
            errors[FileKey] = [$"Tệp trống; dòng đầu là tiêu đề: {string.Join(",", required.Concat(optional))}."];
            return null;
        }

        var header = records[0];
        var known = required.Concat(optional).ToList();
        var width = header.Fields.Count;
        while (width > 1 && string.IsNullOrWhiteSpace(header.Fields[width - 1]))
        {
            width--;
        }

        List<string> columns = [];
        List<string> faults = [];
        foreach (var name in header.Fields.Take(width))
        {
            var canonical = known.Find(k => string.Equals(k, name.Trim(), StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                faults.Add($"Cột '{name.Trim()}' không được hỗ trợ; các cột: {string.Join(", ", known)}.");
            }
            else if (columns.Contains(canonical))
            {
                faults.Add($"Cột '{canonical}' có hai lần.");
            }

            columns.Add(canonical ?? string.Empty);
        }

        var missing = required.Where(r => !columns.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            faults.Add($"Thiếu cột: {string.Join(", ", missing)}.");
        }

        if (faults.Count > 0)
        {
            errors[LineKey(header.Line)] = [.. faults];
            return null;
        }

        var dataRows = records.Count - 1;
        if (dataRows == 0)
        {
            errors[FileKey] = ["Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào."];
            return null;
        }

        if (dataRows > maxRows)
        {
            errors[FileKey] = [string.Create(CultureInfo.InvariantCulture,
                $"Tệp có {dataRows} dòng dữ liệu, vượt giới hạn {maxRows} dòng một lần nhập; đề nghị chia thành nhiều tệp.")];
            return null;
        }

        List<ImportRow> rows = [];
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Count < columns.Count || record.Fields.Count > header.Fields.Count)
            {
                errors[LineKey(record.Line)] = [string.Create(CultureInfo.InvariantCulture,
                    $"Dòng có {record.Fields.Count} trường nhưng tiêu đề có {columns.Count} cột.")];
                continue;
            }

            if (record.Fields.Skip(columns.Count).Any(f => !string.IsNullOrWhiteSpace(f)))
            {
                errors[LineKey(record.Line)] = [string.Create(CultureInfo.InvariantCulture,
                    $"Dòng có dữ liệu ở cột không có tên trong tiêu đề (sau cột thứ {columns.Count}); đề nghị đặt tên cột hoặc xóa dữ liệu đó.")];
                continue;
            }

            Dictionary<string, string> cells = new(StringComparer.Ordinal);
            for (var i = 0; i < columns.Count; i++)
            {
                cells[columns[i]] = record.Fields[i];
            }

            rows.Add(new ImportRow(record.Line, cells));
        }

        return errors.Count > 0 ? null : new ImportSheet(rows, columns.ToHashSet(StringComparer.Ordinal));
    }
}
