using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>A consultation comment: its id (what a resolution names), who made it, the article it is about (null: general) and the text.</summary>
public sealed record CommentResponse(string CommentId, string RecipientId, int? Article, string Text)
{
    public static CommentResponse From(Comment comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        return new(comment.CommentId, comment.RecipientId, comment.Article, comment.Text);
    }
}
