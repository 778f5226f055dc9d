namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>A recipient's answer in a consultation round: "nhất trí" or a list of comments.</summary>
/// <param name="RecipientId">Who answered.</param>
/// <param name="Kind">Agree, or comments.</param>
/// <param name="Comments">Empty for <see cref="ResponseKind.Agree"/>; at least one for <see cref="ResponseKind.Comments"/>.</param>
/// <param name="SubmittedAt">When the answer was received.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record ConsultationResponse(
    string RecipientId,
    ResponseKind Kind,
    IReadOnlyList<Comment> Comments,
    DateTimeOffset SubmittedAt);
