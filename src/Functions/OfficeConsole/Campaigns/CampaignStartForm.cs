using System.Globalization;
using System.Security.Cryptography;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.OfficeConsole.Organisations;

namespace QuyCheWorkflow.Functions.OfficeConsole.Campaigns;

/// <summary>
/// The fields of the form that starts a campaign, and reading them into the API's <see cref="StartCampaignRequest"/>
/// (then <see cref="CampaignFields.Read"/>, the API's own rules). Field names are those the refusal catalogue names, so
/// a refusal of <see cref="Campaign.Start"/> lands beside its field. The hidden <see cref="RequestIdField"/>, made when
/// the form is shown, becomes the campaign's id: the form sent twice starts one campaign.
/// </summary>
public static class CampaignStartForm
{
    public const string TitleField = "title";
    public const string RequirementField = "requirement";
    public const string ModelIssuedOnField = "modelIssuedOn";
    public const string DeadlineField = "deadline";
    public const string EndsOnField = "endsOn";
    public const string TypesField = "organisationTypes";
    public const string ReminderDaysField = "reminderDays";
    public const string DocumentNumberField = "documentNumber";
    public const string DocumentDateField = "documentDate";
    public const string DocumentFileField = "documentFile";
    public const string RequestIdField = "requestId";

    public const int TitleMaxLength = 300;
    public const int DocumentNumberMaxLength = 100;

    /// <summary>Every field the form shows again when refused (the file is not kept).</summary>
    public static IReadOnlyList<string> Fields { get; } =
    [
        TitleField, RequirementField, ModelIssuedOnField, DeadlineField, EndsOnField, TypesField, ReminderDaysField,
        DocumentNumberField, DocumentDateField, DocumentFileField, RequestIdField,
    ];

    /// <summary>The form as first shown: reminders 30, 7 and 1 days before the deadline, a new request id.</summary>
    public static ConsoleForm Empty() => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [TitleField] = null,
        [RequirementField] = nameof(CampaignRequirementKind.IssueForCurrentTerm),
        [ModelIssuedOnField] = null,
        [DeadlineField] = null,
        [EndsOnField] = null,
        [TypesField] = null,
        [ReminderDaysField] = string.Join(", ", Campaign.DefaultReminderDays.Select(d => d.ToString(CultureInfo.InvariantCulture))),
        [DocumentNumberField] = null,
        [DocumentDateField] = null,
        [DocumentFileField] = null,
        [RequestIdField] = NewRequestId(),
    });

    /// <summary>
    /// The form as posted, with a new request id (and a message at the top) when the one sent is not of the shape the
    /// page makes: nothing runs under it.
    /// </summary>
    public static ConsoleForm Posted(IFormCollection posted)
    {
        ArgumentNullException.ThrowIfNull(posted);
        var values = Fields.ToDictionary(f => f, f => (string?)posted[f].ToString(), StringComparer.Ordinal);
        bool stale = !IsRequestId(values[RequestIdField]);
        if (stale)
        {
            values[RequestIdField] = NewRequestId();
        }

        var form = ConsoleForm.Of(values);
        return stale
            ? form.Refuse(ConsoleForm.FormKey, "Biểu mẫu không đầy đủ hoặc đã cũ nên chưa được thực hiện; đề nghị đồng chí kiểm tra lại rồi gửi lại.")
            : form;
    }

    /// <summary>The organisation types ticked in <paramref name="form"/>.</summary>
    public static IReadOnlySet<string> TypesOf(ConsoleForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return form.Value(TypesField).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// The campaign the form asks for (its id the form's request id, its office the person's organisation), or null with
    /// the message of each bad field added to <paramref name="form"/>.
    /// </summary>
    public static StartCampaign? Read(ConsoleForm form, string? officeOrganisationId)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string title = form.Value(TitleField).Trim();
        if (title.Length > TitleMaxLength)
        {
            errors[TitleField] = [$"Tên đợt chỉ đạo tối đa {TitleMaxLength} ký tự."];
        }

        string requirement = form.Value(RequirementField);
        DateOnly? modelIssuedOn = requirement == nameof(CampaignRequirementKind.ReviseAfterModel)
            ? OptionalDate(form, ModelIssuedOnField, "Ngày ban hành quy chế mẫu", errors)
            : null;
        DateOnly? deadline = OptionalDate(form, DeadlineField, "Hạn hoàn thành", errors);
        DateOnly? endsOn = OptionalDate(form, EndsOnField, "Ngày kết thúc đợt", errors);
        DateOnly? documentDate = OptionalDate(form, DocumentDateField, "Ngày ban hành văn bản chỉ đạo", errors);
        string number = form.Value(DocumentNumberField).Trim();
        if (number.Length > DocumentNumberMaxLength)
        {
            errors[DocumentNumberField] = [$"Số, ký hiệu văn bản tối đa {DocumentNumberMaxLength} ký tự."];
        }

        List<int> days = [];
        foreach (string part in form.Value(ReminderDaysField).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int day))
            {
                days.Add(day);
            }
            else
            {
                errors[ReminderDaysField] = ["Số ngày nhắc trước hạn là các số nguyên từ 1 đến 365, cách nhau bằng dấu phẩy (ví dụ: 30, 7, 1)."];
                break;
            }
        }

        var body = new StartCampaignRequest(officeOrganisationId, title, requirement.Length == 0 ? null : requirement, modelIssuedOn,
            deadline, endsOn, [.. TypesOf(form)], days, number, documentDate, null);
        // The API's reading of the same fields; a date this form could not read keeps its own message.
        var read = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var request = CampaignFields.Read(body, form.Value(RequestIdField), officeOrganisationId, read);
        foreach (var (field, messages) in read)
        {
            errors.TryAdd(field, messages);
        }

        if (errors.Count > 0)
        {
            // The API's rule of the pair "number and date" names the number; the console says it beside whichever is missing.
            if (errors.Remove(DocumentNumberField, out var pair) && number.Length > 0 && documentDate is null)
            {
                errors.TryAdd(DocumentDateField, pair);
            }
            else if (pair is not null)
            {
                errors.TryAdd(DocumentNumberField, pair);
            }

            form.Refuse(errors);
            return null;
        }

        return request;
    }

    private static DateOnly? OptionalDate(ConsoleForm form, string field, string label, Dictionary<string, string[]> errors)
    {
        string value = form.Value(field).Trim();
        if (value.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors[field] = [$"{label} không đúng dạng ngày (ngày/tháng/năm)."];
        return null;
    }

    private static string NewRequestId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static bool IsRequestId(string? value) =>
        value is { Length: 32 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
