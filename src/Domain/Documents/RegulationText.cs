using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QuyCheWorkflow.Domain.Documents;

/// <summary>
/// A regulation's text split into its articles. An article starts at a line that begins with its heading —
/// "Điều 3." or "Điều 3:" followed by an optional title, or "Điều 3" alone on its line, in any letter case — and
/// runs to the next heading; what comes before the first heading is the preamble. The text is normalised first:
/// NFC, every run of white space within a line made one space, lines trimmed, empty lines dropped. Pure.
/// </summary>
public sealed partial record RegulationText(string Preamble, IReadOnlyList<Article> Articles, string Normalised)
{
    /// <summary>The least similarity (<see cref="TextSimilarity.Percent"/>) at which two articles are taken for one.</summary>
    public const int SameArticleThreshold = 50;

    /// <summary>Splits <paramref name="text"/> (extracted from a DOCX or PDF) into its preamble and articles.</summary>
    public static RegulationText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<string> lines = [];
        foreach (var raw in text.Normalize(NormalizationForm.FormC).Split('\n'))
        {
            string line = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        List<string> preamble = [];
        List<Article> articles = [];
        (int Number, string Heading, List<string> Body)? current = null;
        foreach (var line in lines)
        {
            var heading = HeadingPattern().Match(line);
            if (heading.Success && int.TryParse(heading.Groups["number"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out int number))
            {
                if (current is { } done)
                {
                    articles.Add(new Article(done.Number, done.Heading, string.Join('\n', done.Body)));
                }

                string title = heading.Groups["title"].Value;
                current = (number, line, title.Length > 0 ? [title] : []);
            }
            else if (current is { } open)
            {
                open.Body.Add(line);
            }
            else
            {
                preamble.Add(line);
            }
        }

        if (current is { } last)
        {
            articles.Add(new Article(last.Number, last.Heading, string.Join('\n', last.Body)));
        }

        return new RegulationText(string.Join('\n', preamble), articles, string.Join('\n', lines));
    }

    /// <summary>
    /// Compares <paramref name="draft"/> with <paramref name="reference"/>: the whole texts' similarity, and each
    /// article's fate. Articles are paired in three passes, each over those still unpaired: first the same body
    /// word for word, whatever the numbers (unchanged, even if renumbered); then the same number when the bodies
    /// are at least <see cref="SameArticleThreshold"/> % alike; then, for numbering that shifted, the most alike
    /// pair at or above that threshold, best first. Paired articles left are changed; the draft's unpaired ones
    /// are new, the reference's removed.
    /// </summary>
    public static RegulationComparison Compare(RegulationText draft, RegulationText reference)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(reference);
        var pairs = new ArticleComparison?[draft.Articles.Count];
        var taken = new bool[reference.Articles.Count];
        for (var d = 0; d < pairs.Length; d++)
        {
            int r = Unpaired(reference, taken).FirstOrDefault(i => reference.Articles[i].Body == draft.Articles[d].Body, -1);
            if (r >= 0)
            {
                taken[r] = true;
                pairs[d] = new ArticleComparison(ArticleChange.Unchanged, draft.Articles[d].Number, reference.Articles[r].Number, 100);
            }
        }

        for (var d = 0; d < pairs.Length; d++)
        {
            if (pairs[d] is not null)
            {
                continue;
            }

            int r = Unpaired(reference, taken).FirstOrDefault(i => reference.Articles[i].Number == draft.Articles[d].Number, -1);
            int similarity = r < 0 ? 0 : TextSimilarity.Percent(draft.Articles[d].Body, reference.Articles[r].Body);
            if (r >= 0 && similarity >= SameArticleThreshold)
            {
                taken[r] = true;
                pairs[d] = new ArticleComparison(ArticleChange.Changed, draft.Articles[d].Number, reference.Articles[r].Number, similarity);
            }
        }

        var candidates = (
            from d in Enumerable.Range(0, pairs.Length)
            where pairs[d] is null
            from r in Unpaired(reference, taken)
            let similarity = TextSimilarity.Percent(draft.Articles[d].Body, reference.Articles[r].Body)
            where similarity >= SameArticleThreshold
            orderby similarity descending, d, r
            select (d, r, similarity)).ToList();
        foreach (var (d, r, similarity) in candidates)
        {
            if (pairs[d] is null && !taken[r])
            {
                taken[r] = true;
                pairs[d] = new ArticleComparison(ArticleChange.Changed, draft.Articles[d].Number, reference.Articles[r].Number, similarity);
            }
        }

        List<ArticleComparison> articles = [];
        for (var d = 0; d < pairs.Length; d++)
        {
            articles.Add(pairs[d] ?? new ArticleComparison(ArticleChange.New, draft.Articles[d].Number, null, 0));
        }

        articles.AddRange(Unpaired(reference, taken).Select(r => new ArticleComparison(ArticleChange.Removed, null, reference.Articles[r].Number, 0)));
        return new RegulationComparison(TextSimilarity.Percent(draft.Normalised, reference.Normalised), articles);
    }

    private static IEnumerable<int> Unpaired(RegulationText reference, bool[] taken) =>
        Enumerable.Range(0, reference.Articles.Count).Where(i => !taken[i]);

    [GeneratedRegex(@"^(?:Điều|ĐIỀU|điều)\s+(?<number>[0-9]{1,4})\s*(?:$|[.:]\s*(?<title>.*)$)", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingPattern();
}
