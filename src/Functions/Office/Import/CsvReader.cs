using System.Text;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// Reads CSV as RFC 4180 describes it, with what spreadsheets add: UTF-8 with or without a byte-order mark, LF or
/// CRLF line ends, and ';' instead of ',' as separator (Excel's choice where the decimal mark is a comma, as in
/// Vietnamese settings), detected from the header line. A quoted field may hold separators, line breaks and
/// doubled quotes. Records whose every field is empty (blank lines, a trailing line break, Excel's ",,,," rows) are
/// left out. Stateless and thread-safe.
/// </summary>
public static class CsvReader
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="content"/> as UTF-8 (dropping a byte-order mark) and reads it.</summary>
    /// <exception cref="CsvFormatException">Not UTF-8, or not well-formed.</exception>
    public static IReadOnlyList<CsvRecord> Read(ReadOnlySpan<byte> content)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (content.StartsWith(bom))
        {
            content = content[bom.Length..];
        }

        string text;
        try
        {
            text = s_strictUtf8.GetString(content);
        }
        catch (DecoderFallbackException)
        {
            throw new CsvFormatException(0, "Tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng \"CSV UTF-8\".");
        }

        return Read(text);
    }

    /// <summary>Reads <paramref name="text"/>; the separator is ';' when the header line has more ';' than ',' outside quotes.</summary>
    /// <exception cref="CsvFormatException">A quote inside an unquoted field, text after a closing quote, or a quote never closed.</exception>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        char separator = DetectSeparator(text);
        List<CsvRecord> records = [];
        List<string> fields = [];
        StringBuilder field = new();
        int line = 1;
        int recordLine = 1;
        int i = 0;
        while (i <= text.Length)
        {
            // At the start of a field.
            if (i < text.Length && text[i] == '"')
            {
                int quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new CsvFormatException(quoteLine, "Dấu ngoặc kép mở ở dòng này không được đóng đến hết tệp.");
                    }

                    char c = text[i];
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                    i++;
                }

                if (i < text.Length && text[i] != separator && text[i] != '\r' && text[i] != '\n')
                {
                    throw new CsvFormatException(line, "Sau dấu ngoặc kép đóng phải là dấu phân cách hoặc hết dòng.");
                }
            }
            else
            {
                while (i < text.Length && text[i] != separator && text[i] != '\r' && text[i] != '\n')
                {
                    if (text[i] == '"')
                    {
                        throw new CsvFormatException(line, "Trường có dấu ngoặc kép phải được đặt trong ngoặc kép (viết \"\" cho một dấu ngoặc kép).");
                    }

                    field.Append(text[i]);
                    i++;
                }
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i < text.Length && text[i] == separator)
            {
                i++;
                continue;
            }

            // End of the record: a line break or the end of the text.
            if (fields.Exists(f => f.Length > 0))
            {
                records.Add(new CsvRecord(recordLine, [.. fields]));
            }

            fields.Clear();
            if (i >= text.Length)
            {
                break;
            }

            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            line++;
            recordLine = line;
            if (i == text.Length)
            {
                break;
            }
        }

        return records;
    }

    private static char DetectSeparator(string text)
    {
        int commas = 0;
        int semicolons = 0;
        bool quoted = false;
        foreach (char c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
