using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// The consultation form as sent: the chosen organisations and members, the free addresses (one a line) and the
/// deadline day. <see cref="Validate"/> turns it into the recipients and the deadline instant of
/// <see cref="RegulationWorkflow.OpenConsultationAsync"/>, or the messages per field.
/// </summary>
public sealed record ConsultationForm(IReadOnlyList<string> Organisations, IReadOnlyList<string> Members, string Emails, string Deadline)
{
    public const string OrganisationsField = "organisations";
    public const string MembersField = "members";
    public const string EmailsField = "emails";
    public const string DeadlineField = "deadline";
    public const string RecipientsField = "recipients";

    /// <summary>The hour of the deadline day at which answers stop: the end of office hours, Vietnam time.</summary>
    public static readonly TimeOnly DeadlineTime = new(17, 0);

    /// <summary>The deadline suggested when the form opens: this many working days from today.</summary>
    public const int SuggestedWorkingDays = 10;

    public static ConsultationForm Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new([.. form[OrganisationsField].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
            [.. form[MembersField].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)],
            form[EmailsField].ToString(), form[DeadlineField].ToString());
    }

    /// <summary>The recipients and the deadline, or null with <paramref name="errors"/> filled (field → message).</summary>
    public (IReadOnlyList<ConsultationRecipient> Recipients, DateTimeOffset Deadline)? Validate(
        ConsultationChoices choices, PublicHolidayCalendar calendar, DateTimeOffset now, Dictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(errors);
        List<ConsultationRecipient> recipients = [];
        HashSet<string> addresses = new(StringComparer.OrdinalIgnoreCase);
        void Add(string id, string name, string email)
        {
            if (addresses.Add(email.Trim()))
            {
                recipients.Add(new ConsultationRecipient(id, name, email.Trim()));
            }
        }

        foreach (var id in Organisations.Distinct(StringComparer.Ordinal))
        {
            if (choices.Subordinates.FirstOrDefault(o => o.Id == id) is { } organisation)
            {
                Add(organisation.Id, organisation.CommitteeName, ConsultationChoices.AddressOf(organisation));
            }
        }

        foreach (var id in Members.Distinct(StringComparer.Ordinal))
        {
            if (choices.Organisation.Committee.Members.FirstOrDefault(m => ConsultationChoices.MemberRecipientId(m.MemberId) == id) is { } member)
            {
                Add(ConsultationChoices.MemberRecipientId(member.MemberId), "Đồng chí " + member.FullName, member.Email);
            }
        }

        List<string> invalid = [];
        var lines = Emails.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (!EmailAddress.IsValid(line))
            {
                invalid.Add(string.Create(CultureInfo.InvariantCulture, $"“{line}” (dòng {i + 1})"));
                continue;
            }

            Add(EmailRecipientId(line), line, line);
        }

        if (invalid.Count > 0)
        {
            errors[EmailsField] = (invalid.Count == 1 ? "Địa chỉ e-mail không hợp lệ: " : "Các địa chỉ e-mail không hợp lệ: ")
                + string.Join(", ", invalid) + ". Đề nghị sửa hoặc xóa, mỗi dòng một địa chỉ.";
        }
        else if (recipients.Count == 0)
        {
            errors[RecipientsField] = "Đề nghị chọn ít nhất một tổ chức, một ủy viên hoặc nhập một địa chỉ e-mail được lấy ý kiến.";
        }

        var deadline = DeadlineInstant(Deadline, calendar, now, out string? deadlineError);
        if (deadlineError is not null)
        {
            errors[DeadlineField] = deadlineError;
        }

        return errors.Count == 0 ? (recipients, deadline!.Value) : null;
    }

    /// <summary>
    /// The deadline instant of a day given as yyyy-MM-dd: <see cref="DeadlineTime"/> Vietnam time that day, which must be
    /// a working day after today; otherwise null and the reason.
    /// </summary>
    public static DateTimeOffset? DeadlineInstant(string? value, PublicHolidayCalendar calendar, DateTimeOffset now, out string? error)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = VietnamTime.DateOf(now);
        if (string.IsNullOrWhiteSpace(value))
        {
            error = "Đề nghị chọn hạn góp ý.";
            return null;
        }

        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            error = "Hạn góp ý không phải một ngày hợp lệ; đề nghị chọn ngày trên lịch.";
            return null;
        }

        if (day <= today)
        {
            error = $"Hạn góp ý phải sau hôm nay ({Format(today)}); đề nghị chọn từ ngày {Format(calendar.NextWorkingDay(today))}.";
            return null;
        }

        if (!calendar.IsWorkingDay(day))
        {
            string why = PublicHolidayCalendar.IsWeekend(day)
                ? (day.DayOfWeek == DayOfWeek.Saturday ? "thứ Bảy" : "Chủ nhật")
                : "ngày nghỉ lễ";
            var before = calendar.PreviousWorkingDay(day);
            var after = calendar.NextWorkingDay(day);
            error = before > today
                ? $"Ngày {Format(day)} là {why}, không phải ngày làm việc; đề nghị chọn ngày làm việc, ví dụ {Format(before)} hoặc {Format(after)}."
                : $"Ngày {Format(day)} là {why}, không phải ngày làm việc; đề nghị chọn ngày làm việc, ví dụ {Format(after)}.";
            return null;
        }

        error = null;
        return VietnamTime.ToInstant(day, DeadlineTime);
    }

    /// <summary>The day the form suggests: <see cref="SuggestedWorkingDays"/> working days from today.</summary>
    public static DateOnly SuggestedDeadline(PublicHolidayCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(VietnamTime.DateOf(now), SuggestedWorkingDays);
    }

    /// <summary>A free address's recipient id: "email-" and 16 hex characters of its SHA-256 (case ignored).</summary>
    public static string EmailRecipientId(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return "email-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))[..16];
    }

    private static string Format(DateOnly day) => VietnamTime.FormatDate(day);
}
