namespace QuyCheWorkflow.Domain.Voting;

/// <summary>The result of a standing committee meeting that decided the draft in person.</summary>
/// <param name="Passed">Whether the meeting approved the draft.</param>
/// <param name="MinutesHash">SHA-256 of the uploaded minutes (biên bản), the evidence of the result.</param>
/// <param name="MeetingDate">Date of the meeting (Vietnam calendar).</param>
/// <param name="Reasons">Why it failed, as recorded in the minutes; at least one when not passed.</param>
/// <param name="RecordedBy">The office clerk who recorded it.</param>
/// <param name="RecordedAt">When it was recorded.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record InPersonResult(
    bool Passed,
    ContentHash MinutesHash,
    DateOnly MeetingDate,
    IReadOnlyList<string> Reasons,
    string RecordedBy,
    DateTimeOffset RecordedAt);
