using System.Globalization;
using System.Text;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// Text folded for a search that ignores case and Vietnamese diacritics: "Hà Nội" and "ha noi" fold alike, as do
/// "Đảng" and "dang" (đ is a letter of its own, not a d with a mark, so it is mapped by hand).
/// </summary>
public static class SearchText
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = folded.Length > 0;
                continue;
            }

            if (space)
            {
                folded.Append(' ');
                space = false;
            }

            folded.Append(c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c));
        }

        return folded.ToString();
    }
}
