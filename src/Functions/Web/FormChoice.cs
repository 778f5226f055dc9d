namespace QuyCheWorkflow.Functions.Web;

/// <summary>One option of a radio group: the value posted and the Vietnamese label shown.</summary>
public sealed record FormChoice(string Value, string Label)
{
    /// <summary>The standing-committee vote options: đồng ý / không đồng ý / ý kiến khác.</summary>
    public static IReadOnlyList<FormChoice> VoteChoices => LinkPages.VoteForm.Choices;
}
