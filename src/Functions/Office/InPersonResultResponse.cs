using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>The result of a vote held at a meeting: passed or not, the meeting date (Vietnam calendar), the SHA-256 of its minutes and the reasons of a failure.</summary>
public sealed record InPersonResultResponse(
    bool Passed,
    DateOnly MeetingDate,
    string MinutesSha256,
    IReadOnlyList<string> Reasons,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public static InPersonResultResponse From(InPersonResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new(result.Passed, result.MeetingDate, result.MinutesHash.ToString(), [.. result.Reasons], result.RecordedBy, ApiInstant.Of(result.RecordedAt));
    }
}
