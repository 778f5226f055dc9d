namespace QuyCheWorkflow.Functions.Mail.Templates;

/// <summary>The iCalendar (METHOD:REQUEST) invitation to a periodic review meeting.</summary>
internal static class ReviewMeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8; method=REQUEST";
    public const string FileName = "ra-soat-dinh-ky.ics";

    public static byte[] Create(ReviewReminderNotice notice, string summary, string description)
    {
        var calendar = new CalendarWriter()
            .Line("BEGIN", "VCALENDAR")
            .Line("PRODID", "-//QuyCheWorkflow//Ra soat dinh ky quy che lam viec//VI")
            .Line("VERSION", "2.0")
            .Line("CALSCALE", "GREGORIAN")
            .Line("METHOD", "REQUEST")
            .VietnamTimeZone()
            .Line("BEGIN", "VEVENT")
            .Text("UID", $"review-{notice.ReviewId}@quycheworkflow")
            .UtcDateTime("DTSTAMP", notice.CreatedAt)
            .VietnamDateTime("DTSTART", notice.MeetingStart)
            .VietnamDateTime("DTEND", notice.MeetingEnd)
            .Line("SEQUENCE", notice.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Text("SUMMARY", summary)
            .Text("DESCRIPTION", description);
        if (!string.IsNullOrWhiteSpace(notice.Location))
        {
            calendar.Text("LOCATION", notice.Location);
        }

        calendar
            .Line("ORGANIZER", "mailto:" + notice.Organizer.Address, ("CN", notice.Organizer.Name ?? notice.Organizer.Address))
            .Line(
                "ATTENDEE",
                "mailto:" + notice.To.Address,
                ("CN", notice.To.Name ?? notice.To.Address),
                ("ROLE", "REQ-PARTICIPANT"),
                ("PARTSTAT", "NEEDS-ACTION"),
                ("RSVP", "TRUE"))
            .Line("STATUS", "CONFIRMED")
            .Line("TRANSP", "OPAQUE")
            .Line("END", "VEVENT")
            .Line("END", "VCALENDAR");
        return calendar.ToBytes();
    }
}
