using System.Globalization;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The resolution table of a regulation's latest resolution sheet, as <see cref="ResolutionTableDocument"/> writes it:
/// what the office API's <c>resolution-sheet.docx</c> and the console's download both answer. Reads only: the
/// organisation, the regulation's sheets, the round and its recipients' names (five requests).
/// </summary>
public static class ResolutionTables
{
    /// <summary>The DOCX and its file name, or null when the regulation does not exist or has no resolution sheet yet.</summary>
    public static async Task<(byte[] Content, string FileName)?> BuildAsync(
        LifecycleStores stores, TimeProvider timeProvider, string organisationId, string regulationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(timeProvider);
        if (await stores.Regulations.GetAsync(organisationId, regulationId, cancellationToken) is not { } regulation
            || await stores.Organisations.GetAsync(organisationId, cancellationToken) is not { } organisation)
        {
            return null;
        }

        ResolutionSheetState? latest = null;
        await foreach (var sheet in stores.Consultations.ListSheetsAsync(regulationId, cancellationToken))
        {
            if (latest is null || RoundNumber(sheet.Value.ConsultationRoundId) > RoundNumber(latest.ConsultationRoundId))
            {
                latest = sheet.Value;
            }
        }

        if (latest is null || await stores.Consultations.GetRoundAsync(regulationId, latest.ConsultationRoundId, cancellationToken) is not { } round)
        {
            return null;
        }

        var names = (await stores.Recipients.ListAsync(regulationId, round.Value.Id, cancellationToken))
            .ToDictionary(r => r.RecipientId, r => r.Name, StringComparer.Ordinal);
        var resolutions = latest.Resolutions.ToDictionary(r => r.CommentId, StringComparer.Ordinal);
        List<ResolutionTableRow> rows = [.. latest.Comments.Select(c => new ResolutionTableRow(
            c.ArticleLabel,
            c.Text,
            names.GetValueOrDefault(c.RecipientId) is { Length: > 0 } name ? name : c.RecipientId,
            resolutions.TryGetValue(c.CommentId, out var resolution)
                ? ResolutionOutcomeText.Label(resolution.Outcome) + ": " + resolution.Explanation
                : "(chưa tiếp thu, giải trình)"))];
        var closed = round.Value.ClosedAt ?? round.Value.Deadline;
        string subtitle = string.Create(CultureInfo.InvariantCulture,
            $"(Dự thảo lần {round.Value.DraftVersion}; lấy ý kiến từ ngày {VietnamTime.FormatDate(round.Value.OpenedAt)} đến ngày {VietnamTime.FormatDate(closed)})");
        var today = VietnamTime.ToLocal(timeProvider.GetUtcNow());
        string dateLine = string.Create(CultureInfo.InvariantCulture, $"ngày {today.Day:00} tháng {today.Month:00} năm {today.Year}");
        byte[] content = ResolutionTableDocument.Build(organisation.Value.CommitteeName, regulation.Value.Title, subtitle, dateLine, rows);
        return (content, $"bang-tong-hop-tiep-thu-{regulationId}-{latest.ConsultationRoundId}.docx");
    }

    private static int RoundNumber(string roundId) =>
        int.TryParse(roundId.AsSpan(roundId.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n : 0;
}
