using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Functions.Web.Components;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// The vote page's form (<see cref="LinkVotePage"/>): the member's choice and the reason. Its field names and values
/// are declared here only, for the page that writes them and the handler that reads them.
/// </summary>
/// <param name="Choice">The ballot.</param>
/// <param name="Reason">The reason, or null when left blank (the vote round decides whether it is needed).</param>
internal sealed record VoteForm(VoteChoice Choice, string? Reason)
{
    public const string ChoiceField = "choice";
    public const string ReasonField = "comment";
    public const int ReasonMaxLength = OpinionForm.CommentMaxLength;

    /// <summary>The choices in the order the page offers them, with the value posted for each.</summary>
    public static IReadOnlyList<FormChoice> Choices { get; } =
        [.. Enum.GetValues<VoteChoice>().Select(c => new FormChoice(Value(c), VoteChoiceText.Label(c)))];

    /// <summary>The value posted for <paramref name="choice"/>.</summary>
    public static string Value(VoteChoice choice) => choice switch
    {
        VoteChoice.Agree => "agree",
        VoteChoice.Disagree => "disagree",
        VoteChoice.OtherOpinion => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(choice), choice, null),
    };

    /// <summary>Reads the posted form; <paramref name="error"/> says what to fix when it cannot be read.</summary>
    public static bool TryRead(IFormCollection form, out VoteForm? vote, out LinkFormError? error)
    {
        ArgumentNullException.ThrowIfNull(form);
        vote = null;
        var (reason, reasonError) = TextInput.Paragraphs(form[ReasonField].ToString(), ReasonMaxLength);
        if (reasonError is not null)
        {
            error = LinkFormError.Invalid("Lý do", reasonError);
            return false;
        }

        string posted = form[ChoiceField].ToString();
        if (Enum.GetValues<VoteChoice>().Where(c => Value(c) == posted).Select(c => (VoteChoice?)c).FirstOrDefault() is not { } choice)
        {
            error = LinkFormError.Incomplete("Đồng chí chưa chọn phương án biểu quyết.");
            return false;
        }

        vote = new VoteForm(choice, reason);
        error = null;
        return true;
    }
}
