using System.Globalization;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Functions.Web.Components;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// The consultation page's form (<see cref="LinkConsultationPage"/>): agreement, or up to <see cref="CommentRows"/>
/// comments, each on an article (Điều) or in general. Its field names and values are declared here only, for the page
/// that writes them and the handler that reads them; whether the answer holds together is the consultation round's rule.
/// </summary>
/// <param name="Agree">"Nhất trí" was chosen.</param>
/// <param name="Comments">The comments written, in row order (blank rows left out).</param>
internal sealed record ConsultationAnswerForm(bool Agree, IReadOnlyList<CommentInput> Comments)
{
    public const string KindField = "kind";
    public const string AgreeValue = "agree";
    public const string CommentsValue = "comments";
    public const int CommentRows = 5;
    public const int CommentMaxLength = OpinionForm.CommentMaxLength;
    public const int MaxArticle = 999;

    /// <summary>The name of row <paramref name="row"/>'s article number field.</summary>
    public static string ArticleField(int row) => "article" + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>The name of row <paramref name="row"/>'s comment text field.</summary>
    public static string TextField(int row) => "text" + row.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the posted form; <paramref name="error"/> says what to fix when it cannot be read.</summary>
    public static bool TryRead(IFormCollection form, out ConsultationAnswerForm? answer, out LinkFormError? error)
    {
        ArgumentNullException.ThrowIfNull(form);
        answer = null;
        List<CommentInput> comments = [];
        for (var row = 0; row < CommentRows; row++)
        {
            var (text, textError) = TextInput.Paragraphs(form[TextField(row)].ToString(), CommentMaxLength);
            if (textError is not null)
            {
                error = LinkFormError.Invalid("Ý kiến góp ý", textError);
                return false;
            }

            if (text is null)
            {
                continue;
            }

            string articleText = form[ArticleField(row)].ToString().Trim();
            int? article = null;
            if (articleText.Length > 0)
            {
                if (!int.TryParse(articleText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > MaxArticle)
                {
                    error = LinkFormError.Incomplete(string.Create(CultureInfo.InvariantCulture,
                        $"Điều số của ý kiến {row + 1} phải là một số từ 1 đến {MaxArticle}, hoặc để trống nếu góp ý chung."));
                    return false;
                }

                article = number;
            }

            comments.Add(new CommentInput(article, text));
        }

        answer = new ConsultationAnswerForm(form[KindField].ToString() == AgreeValue, comments);
        error = null;
        return true;
    }
}
