using System.Globalization;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Status;

public sealed partial class StatusProjection
{
    private const string NoRegulationLabel = "Chưa có quy chế";
    private const string DateFormat = "yyyy-MM-dd";

    private static TableEntity ToEntity(OrganisationStatus status)
    {
        string root = status.Path.Split('|')[0];
        return new TableEntity(root, status.Path)
        {
            ["OrganisationId"] = status.OrganisationId,
            ["ParentId"] = status.ParentId,
            ["Code"] = status.Code,
            ["Name"] = status.Name,
            ["Type"] = status.Type.ToString(),
            ["Term"] = StateKeys.FormatTerm(status.Term),
            ["RegulationId"] = status.RegulationId,
            ["RegulationNumber"] = status.RegulationNumber,
            ["DraftVersion"] = status.DraftVersion,
            ["Stage"] = status.Stage?.ToString(),
            ["StageLabel"] = status.StageLabel,
            ["IssuedOn"] = FormatDate(status.IssuedOn),
            ["FiledAt"] = status.FiledAt,
            ["AcknowledgedAt"] = status.AcknowledgedAt,
            ["LastReviewDate"] = FormatDate(status.LastReviewDate),
            ["NextReviewDue"] = FormatDate(status.NextReviewDue),
            ["Compliance"] = status.Compliance.ToString(),
            ["PendingSummary"] = status.PendingSummary,
            ["PendingIds"] = StateJson.Serialize(status.PendingIds),
            ["PendingNames"] = status.PendingNames.Count == 0 ? null : StateJson.Serialize(status.PendingNames),
            ["IsOverdue"] = status.IsOverdue,
            ["IsMissing"] = status.IsMissing,
            ["IsUpperLevelNotified"] = status.IsUpperLevelNotified,
            ["IsReturned"] = status.IsReturned,
            ["IsAmendmentFiled"] = status.IsAmendmentFiled,
            ["RefreshedAt"] = status.RefreshedAt,
            ["UpcomingNotices"] = status.UpcomingNotices.Count == 0 ? null : StateJson.Serialize(status.UpcomingNotices),
            ["LastNotice"] = status.LastNotice is null ? null : StateJson.Serialize(status.LastNotice),
            ["Likeness"] = status.Likeness is null ? null : StateJson.Serialize(status.Likeness),
            ["LastConsultation"] = status.LastConsultation is null ? null : StateJson.Serialize(status.LastConsultation),
            ["Origin"] = status.Origin?.ToString(),
            ["IsAmendment"] = status.IsAmendment,
        };
    }

    /// <summary>
    /// Whether <paramref name="stored"/> holds <paramref name="status"/>, whenever it was refreshed: the same columns
    /// with the same values, <c>RefreshedAt</c> aside. A row that cannot be read back the same way differs, so it is
    /// written again. A row as read also carries the service's <c>odata.etag</c> and <c>Timestamp</c>, which are
    /// not columns of ours.
    /// </summary>
    private static bool SameRow(OrganisationStatus status, TableEntity stored)
    {
        static string Text(TableEntity row) => string.Join('\n', row
            .Where(p => p.Key is not ("RefreshedAt" or "odata.etag" or "Timestamp") && p.Value is not null)
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + "=" + (p.Value is DateTimeOffset at ? at.UtcTicks.ToString(CultureInfo.InvariantCulture)
                : Convert.ToString(p.Value, CultureInfo.InvariantCulture))));

        return Text(ToEntity(status)) == Text(stored);
    }

    private static OrganisationStatus FromEntity(TableEntity entity) => new(
        entity.GetString("OrganisationId")!,
        entity.RowKey,
        entity.GetString("ParentId"),
        entity.GetString("Code")!,
        entity.GetString("Name")!,
        Enum.Parse<OrganisationType>(entity.GetString("Type")!),
        StateKeys.ParseTerm(entity.GetString("Term")!),
        entity.GetString("RegulationId"),
        entity.GetString("RegulationNumber"),
        entity.GetInt32("DraftVersion"),
        entity.GetString("Stage") is { } stage ? Enum.Parse<RegulationStage>(stage) : null,
        entity.GetString("StageLabel")!,
        ParseDate(entity.GetString("IssuedOn")),
        entity.GetDateTimeOffset("FiledAt"),
        entity.GetDateTimeOffset("AcknowledgedAt"),
        ParseDate(entity.GetString("LastReviewDate")),
        ParseDate(entity.GetString("NextReviewDue")),
        Enum.Parse<ComplianceStatus>(entity.GetString("Compliance")!),
        entity.GetString("PendingSummary"),
        StateJson.Deserialize<List<string>>(entity.GetString("PendingIds") ?? "[]"),
        entity.GetBoolean("IsOverdue") ?? false,
        entity.GetBoolean("IsMissing") ?? false,
        entity.GetBoolean("IsUpperLevelNotified") ?? false,
        entity.GetDateTimeOffset("RefreshedAt") ?? default,
        entity.GetString("PendingNames") is { } names
            ? StateJson.Deserialize<Dictionary<string, string>>(names)
            : new Dictionary<string, string>(StringComparer.Ordinal),
        entity.GetString("UpcomingNotices") is { } upcoming ? StateJson.Deserialize<List<NoticeSummary>>(upcoming) : [],
        entity.GetString("LastNotice") is { } last ? StateJson.Deserialize<NoticeSummary>(last) : null,
        entity.GetBoolean("IsReturned") ?? false,
        entity.GetBoolean("IsAmendmentFiled") ?? false)
    {
        Likeness = entity.GetString("Likeness") is { } likeness ? StateJson.Deserialize<Quality.TextLikeness>(likeness) : null,
        LastConsultation = entity.GetString("LastConsultation") is { } consultation ? StateJson.Deserialize<Quality.ConsultationSummary>(consultation) : null,
        Origin = Enum.TryParse<DraftOrigin>(entity.GetString("Origin"), out var origin) ? origin : null,
        IsAmendment = entity.GetBoolean("IsAmendment"),
    };

    private static string? FormatDate(DateOnly? date) => date?.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);
}
