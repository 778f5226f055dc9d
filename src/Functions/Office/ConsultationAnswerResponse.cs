using QuyCheWorkflow.Domain.Consultations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>A recipient's answer in a consultation round: agreement, or comments.</summary>
public sealed record ConsultationAnswerResponse(string RecipientId, ResponseKind Kind, IReadOnlyList<CommentResponse> Comments, DateTimeOffset SubmittedAt)
{
    public static ConsultationAnswerResponse From(ConsultationResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new(answer.RecipientId, answer.Kind, [.. answer.Comments.Select(CommentResponse.From)], ApiInstant.Of(answer.SubmittedAt));
    }
}
