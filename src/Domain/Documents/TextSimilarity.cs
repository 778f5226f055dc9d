using System.Globalization;

namespace QuyCheWorkflow.Domain.Documents;

/// <summary>
/// A word-level similarity of two texts: the Dice coefficient of their multisets of word pairs (adjacent words,
/// compared case-insensitively), <c>2·|common| / (|a| + |b|)</c>, as a whole percentage rounded down, so that
/// only texts with the same words in the same order score 100. Word pairs rather than single words make a
/// reordering or a rewording count while staying linear in the texts' length. A text of a single word is
/// compared by that word; two empty texts are 100 % alike. Pure and thread-safe.
/// </summary>
public static class TextSimilarity
{
    /// <summary>How alike <paramref name="a"/> and <paramref name="b"/> are, 0–100.</summary>
    public static int Percent(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var left = Pairs(a);
        var right = Pairs(b);
        int total = left.Values.Sum() + right.Values.Sum();
        if (total == 0)
        {
            return 100;
        }

        int common = left.Sum(pair => Math.Min(pair.Value, right.GetValueOrDefault(pair.Key)));
        return (int)(200L * common / total);
    }

    private static Dictionary<string, int> Pairs(string text)
    {
        var words = text.ToLower(CultureInfo.InvariantCulture)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Dictionary<string, int> pairs = new(StringComparer.Ordinal);
        if (words.Length == 1)
        {
            pairs[words[0]] = 1;
        }

        for (var i = 1; i < words.Length; i++)
        {
            string pair = words[i - 1] + " " + words[i];
            pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
        }

        return pairs;
    }
}
