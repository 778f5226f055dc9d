using System.Globalization;
using System.Text;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// The one check of text people type, for the API and the pages alike: normalised to NFC (so decomposed Vietnamese,
/// as some keyboards and macOS send it, is stored as everyone else's), trimmed, free of control characters (line
/// breaks only where the field has several lines) and of the bidi embedding, override and isolate characters that
/// can reverse what others see, and at most a number of characters as people count them (text elements).
/// </summary>
public static class TextInput
{
    /// <summary>A one-line field (a name, a title): no line break, tab or other control character.</summary>
    public static TextInputResult Line(string? value, int maxLength) => Read(value, maxLength, multiline: false);

    /// <summary>A field of several lines (a comment, a reason): line breaks (normalised to \n) and tabs allowed.</summary>
    public static TextInputResult Paragraphs(string? value, int maxLength) => Read(value, maxLength, multiline: true);

    private static TextInputResult Read(string? value, int maxLength, bool multiline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(null, null);
        }

        string text = value.Normalize(NormalizationForm.FormC).Trim();
        if (multiline)
        {
            text = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        }

        foreach (char c in text)
        {
            if (IsBidiControl(c))
            {
                return new(null, "Không được chứa ký tự điều khiển hướng chữ (như U+202E), vì chúng làm đảo ngược chữ người khác đọc.");
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\t'))
            {
                return new(null, multiline
                    ? "Không được chứa ký tự điều khiển (như ký tự NUL)."
                    : "Chỉ được một dòng, không chứa ký tự xuống dòng hay ký tự điều khiển.");
            }
        }

        int length = new StringInfo(text).LengthInTextElements;
        return length > maxLength
            ? new(null, string.Create(CultureInfo.InvariantCulture, $"Tối đa {maxLength} ký tự (đang có {length})."))
            : new(text, null);
    }

    // LRE, RLE, PDF, LRO, RLO and LRI, RLI, FSI, PDI: the characters that embed, override or isolate a direction.
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
