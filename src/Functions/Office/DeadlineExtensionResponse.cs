using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>One extension of a vote round's deadline: from, to, by whom and when.</summary>
public sealed record DeadlineExtensionResponse(DateTimeOffset PreviousDeadline, DateTimeOffset NewDeadline, string ExtendedBy, DateTimeOffset ExtendedAt)
{
    public static DeadlineExtensionResponse From(DeadlineExtension extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        return new(ApiInstant.Of(extension.PreviousDeadline), ApiInstant.Of(extension.NewDeadline), extension.ExtendedBy, ApiInstant.Of(extension.ExtendedAt));
    }
}
