using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Campaigns;

/// <summary>
/// A campaign (<i>đợt chỉ đạo</i>): an upper-level office (<see cref="OfficeOrganisationId"/>) directs every
/// organisation of its subtree (only those of <see cref="OrganisationTypes"/> when that is not empty) to meet
/// <see cref="Requirement"/> by <see cref="Deadline"/> (a Vietnam calendar day). Membership is not stored: it is the
/// subtree whenever it is read, so an organisation created during the campaign joins it. Each member's compliance
/// follows from the lifecycle's facts (<see cref="ComplianceOf"/>); the mail waves from <see cref="WavesBetween"/>.
/// Immutable: <see cref="Close"/> returns the closed campaign.
/// </summary>
public sealed partial record Campaign
{
    /// <summary>The reminder offsets used when none are chosen: 30, 7 and 1 days before the deadline.</summary>
    public static IReadOnlyList<int> DefaultReminderDays { get; } = [30, 7, 1];

    public required string Id { get; init; }

    /// <summary>The upper-level organisation whose office runs the campaign; its subtree (itself excluded) is covered.</summary>
    public required string OfficeOrganisationId { get; init; }

    public required string Title { get; init; }

    /// <summary>The organisation types covered; empty means all.</summary>
    public IReadOnlyList<OrganisationType> OrganisationTypes { get; init; } = [];

    public required CampaignRequirement Requirement { get; init; }

    /// <summary>The last day (Vietnam calendar) on which meeting the requirement is on time.</summary>
    public required DateOnly Deadline { get; init; }

    /// <summary>The day after which the campaign closes by itself, or null to stay open until its office closes it.</summary>
    public DateOnly? EndsOn { get; init; }

    public DirectingDocument? DirectingDocument { get; init; }

    /// <summary>Calendar days before the deadline on which reminders go out, in descending order, distinct, each 1..365.</summary>
    public IReadOnlyList<int> ReminderDaysBefore { get; init; } = DefaultReminderDays;

    public required DateTimeOffset StartedAt { get; init; }

    public CampaignState State { get; init; } = CampaignState.Open;

    public DateTimeOffset? ClosedAt { get; init; }

    public CampaignCloseReason? CloseReason { get; init; }

    /// <summary>What the office wrote when closing, or null.</summary>
    public string? CloseNote { get; init; }

    /// <summary>The stored final report (the roll-up as of the closing, as a spreadsheet), or null while open.</summary>
    public ContentHash? FinalReport { get; init; }

    /// <summary>The Vietnam calendar day on which the campaign started.</summary>
    public DateOnly StartedOn => VietnamTime.DateOf(StartedAt);

    /// <summary>
    /// A campaign started at <paramref name="now"/>. <paramref name="reminderDaysBefore"/> null or empty takes
    /// <see cref="DefaultReminderDays"/>.
    /// </summary>
    /// <exception cref="DomainException">
    /// <see cref="RefusalCode.CampaignTitleMissing"/>, <see cref="RefusalCode.CampaignDeadlineNotAfterStart"/>,
    /// <see cref="RefusalCode.CampaignModelDateMissing"/>, <see cref="RefusalCode.CampaignReminderOffsetsInvalid"/>,
    /// <see cref="RefusalCode.CampaignEndBeforeDeadline"/>, <see cref="RefusalCode.CampaignDirectingDocumentIncomplete"/>.
    /// </exception>
    public static Campaign Start(
        string id,
        string officeOrganisationId,
        string title,
        CampaignRequirement requirement,
        DateOnly deadline,
        DateTimeOffset now,
        IEnumerable<OrganisationType>? organisationTypes = null,
        DateOnly? endsOn = null,
        DirectingDocument? directingDocument = null,
        IEnumerable<int>? reminderDaysBefore = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(officeOrganisationId);
        ArgumentNullException.ThrowIfNull(requirement);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new DomainException(RefusalCode.CampaignTitleMissing, "A campaign needs a title.");
        }

        DateOnly today = VietnamTime.DateOf(now);
        if (deadline <= today)
        {
            throw new DomainException(RefusalCode.CampaignDeadlineNotAfterStart, $"The deadline {deadline:yyyy-MM-dd} is not after today {today:yyyy-MM-dd}.",
                new Dictionary<string, string> { ["deadline"] = Iso(deadline), ["today"] = Iso(today) });
        }

        if (requirement.Kind == CampaignRequirementKind.ReviseAfterModel && requirement.ModelIssuedOn is null)
        {
            throw new DomainException(RefusalCode.CampaignModelDateMissing, "A revision campaign needs the model regulation's date.");
        }

        List<int> days = reminderDaysBefore?.ToList() ?? [];
        if (days.Count == 0)
        {
            days = [.. DefaultReminderDays];
        }

        if (days.Any(d => d is < 1 or > 365))
        {
            string offsets = string.Join(", ", days.Select(d => d.ToString(CultureInfo.InvariantCulture)));
            throw new DomainException(RefusalCode.CampaignReminderOffsetsInvalid, $"Reminder offsets {offsets} are not all 1..365 days.",
                new Dictionary<string, string> { ["offsets"] = offsets });
        }

        if (endsOn is { } end && end < deadline)
        {
            throw new DomainException(RefusalCode.CampaignEndBeforeDeadline, $"The end date {end:yyyy-MM-dd} is before the deadline {deadline:yyyy-MM-dd}.",
                new Dictionary<string, string> { ["endsOn"] = Iso(end), ["deadline"] = Iso(deadline) });
        }

        if (directingDocument is not null && string.IsNullOrWhiteSpace(directingDocument.Number))
        {
            throw new DomainException(RefusalCode.CampaignDirectingDocumentIncomplete, "A directing document needs its number.");
        }

        return new Campaign
        {
            Id = id,
            OfficeOrganisationId = officeOrganisationId,
            Title = title.Trim(),
            OrganisationTypes = [.. (organisationTypes ?? []).Distinct().Order()],
            Requirement = requirement,
            Deadline = deadline,
            EndsOn = endsOn,
            DirectingDocument = directingDocument,
            ReminderDaysBefore = [.. days.Distinct().OrderDescending()],
            StartedAt = now,
        };
    }

    /// <summary>This campaign closed at <paramref name="now"/> for <paramref name="reason"/>, with its final report when kept.</summary>
    /// <exception cref="InvalidTransitionException">It is already closed.</exception>
    public Campaign Close(DateTimeOffset now, CampaignCloseReason reason, string? note = null, ContentHash? finalReport = null)
    {
        if (State == CampaignState.Closed)
        {
            throw new InvalidTransitionException("campaign", nameof(CampaignState.Closed), "close the campaign");
        }

        return this with
        {
            State = CampaignState.Closed,
            ClosedAt = now,
            CloseReason = reason,
            CloseNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            FinalReport = finalReport,
        };
    }

    /// <summary>Whether an organisation of <paramref name="type"/> in the subtree is covered.</summary>
    public bool Covers(OrganisationType type) => OrganisationTypes.Count == 0 || OrganisationTypes.Contains(type);

    /// <summary>
    /// The instant at which an open campaign with an <see cref="EndsOn"/> closes by itself: 00:00 Vietnam time of the
    /// day after it; null without an end date.
    /// </summary>
    public DateTimeOffset? EndsAt => EndsOn is { } end ? VietnamTime.ToInstant(end.AddDays(1), TimeOnly.MinValue) : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
