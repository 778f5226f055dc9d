using System.Text;
using System.Text.Unicode;
using CsvHelper;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// Reads an import file with CsvHelper in its RFC 4180 mode, plus what spreadsheets add: UTF-8 with or without a
/// byte-order mark, LF, CRLF or CR line ends, and ';' instead of ',' as separator (Excel's choice where the decimal
/// mark is a comma, as in Vietnamese settings), chosen from the header line. A quoted field may hold separators,
/// line breaks and doubled quotes. Records whose every field is empty (blank lines, a trailing line break, Excel's
/// ",,,," rows) are left out. Each record carries the line it starts on, counting line breaks inside quotes.
/// Stateless and thread-safe.
/// </summary>
public static class CsvRecordReader
{
    /// <summary>Reads <paramref name="utf8"/> (a byte-order mark is dropped).</summary>
    /// <exception cref="MalformedCsvException">Not UTF-8 (line 0), or a record is not well-formed (its line).</exception>
    public static IReadOnlyList<CsvRecord> Read(ReadOnlyMemory<byte> utf8)
    {
        if (!Utf8.IsValid(utf8.Span))
        {
            throw new MalformedCsvException(0, "Tệp không phải văn bản UTF-8; đề nghị lưu lại dưới dạng “CSV UTF-8”.");
        }

        CsvMalformedRecord? malformed = null;
        CsvReaderOptions options = new()
        {
            Mode = CsvMode.Rfc4180,
            Separator = DetectSeparator(utf8.Span),
            HasHeader = false,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            TrackLineNumbers = true,
            FieldCountMismatch = CsvFieldCountHandling.Allow,

            // Skipping lets the reader hand the fault over with its reason; reading stops at the first one.
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformed ??= record,
        };

        List<CsvRecord> records = [];
        using var reader = CsvReader.Create(utf8, options);
        while (reader.Read())
        {
            ThrowIfMalformed(malformed);
            var fields = reader.Current.ToArray();
            if (Array.Exists(fields, field => field.Length > 0))
            {
                records.Add(new CsvRecord(checked((int)reader.LineNumber), fields));
            }
        }

        ThrowIfMalformed(malformed);
        return records;
    }

    /// <summary>Reads <paramref name="text"/> as <see cref="Read(ReadOnlyMemory{byte})"/> reads its UTF-8 bytes.</summary>
    /// <exception cref="MalformedCsvException">A record is not well-formed.</exception>
    public static IReadOnlyList<CsvRecord> Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Read(Encoding.UTF8.GetBytes(text));
    }

    private static void ThrowIfMalformed(CsvMalformedRecord? malformed)
    {
        if (malformed is not { } record)
        {
            return;
        }

        var message = record.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote => "Dấu ngoặc kép mở ở dòng này không được đóng đến hết tệp.",
            CsvMalformedReason.TextAfterClosingQuote => "Sau dấu ngoặc kép đóng phải là dấu phân cách hoặc hết dòng.",
            CsvMalformedReason.StrayQuote => "Trường có dấu ngoặc kép phải được đặt trong ngoặc kép (viết \"\" cho một dấu ngoặc kép).",
            _ => "Dòng này không đúng định dạng CSV.",
        };
        throw new MalformedCsvException(checked((int)record.LineNumber), message);
    }

    // ';' when the header line has more of them than ',' outside quotes. Both are ASCII, which no byte of a multi-byte
    // UTF-8 sequence can be, so the bytes are counted as they are.
    private static char DetectSeparator(ReadOnlySpan<byte> utf8)
    {
        var commas = 0;
        var semicolons = 0;
        var quoted = false;
        foreach (var b in utf8)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (!quoted && b is (byte)'\r' or (byte)'\n')
            {
                break;
            }
            else if (!quoted && b == (byte)',')
            {
                commas++;
            }
            else if (!quoted && b == (byte)';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }
}
