using System.Globalization;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// The members file: <c>organisationId,memberId,fullName,role,email</c>, one row per member. The rows of one
/// organisation (anywhere in the file, in file order) are its whole new standing committee, checked by
/// <see cref="OrganisationFields.Committee"/> exactly as <c>PUT /api/organisations/{id}/committee</c> checks its body.
/// </summary>
internal static class CommitteeCsv
{
    public const string OrganisationId = "organisationId";
    public const string MemberId = "memberId";
    public const string FullName = "fullName";
    public const string Role = "role";
    public const string Email = "email";

    public static IReadOnlyList<string> RequiredColumns { get; } = [OrganisationId, MemberId, FullName, Role, Email];

    public static IReadOnlyList<CommitteeGroup> Parse(ImportSheet sheet, Dictionary<string, string[]> errors)
    {
        List<(string OrganisationId, List<ImportRow> Rows)> groups = [];
        foreach (var row in sheet.Rows)
        {
            var organisationId = OrganisationFields.Id(row[OrganisationId], row.Key(OrganisationId), errors);
            if (organisationId is null)
            {
                continue;
            }

            var group = groups.FindIndex(g => g.OrganisationId == organisationId);
            if (group < 0)
            {
                groups.Add((organisationId, [row]));
            }
            else
            {
                groups[group].Rows.Add(row);
            }
        }

        List<CommitteeGroup> committees = [];
        foreach (var (organisationId, rows) in groups)
        {
            var before = errors.Count;
            Dictionary<string, int> lineOfMember = new(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                var memberId = row[MemberId]!.Trim();
                if (memberId.Length > 0 && !lineOfMember.TryAdd(memberId, row.Line))
                {
                    errors[row.Key(MemberId)] = [$"Mã ủy viên '{memberId}' của tổ chức '{organisationId}' đã có ở dòng {lineOfMember[memberId]}."];
                }
            }

            Dictionary<string, string[]> found = new(StringComparer.Ordinal);
            var committee = OrganisationFields.Committee(
                [.. rows.Select(r => new CommitteeMemberRequest(r[MemberId], r[FullName], r[Email], r[Role]))], "members", found);
            foreach (var (key, messages) in found)
            {
                errors.TryAdd(Locate(key, rows, organisationId), messages);
            }

            if (committee is not null && errors.Count == before)
            {
                committees.Add(new CommitteeGroup(organisationId, [.. rows.Select(r => r.Line)], committee));
            }
        }

        return committees;
    }

    /// <summary>"members[2].email" → "dòng 9, cột email"; "members" (the whole committee) → "dòng 4, 5, 9" of the organisation.</summary>
    private static string Locate(string key, List<ImportRow> rows, string organisationId)
    {
        if (key.StartsWith("members[", StringComparison.Ordinal))
        {
            var close = key.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(key.AsSpan(8, close - 8), NumberStyles.None, CultureInfo.InvariantCulture);
            var column = close + 2 <= key.Length ? key[(close + 2)..] : OrganisationId;
            return rows[index].Key(column.Length == 0 ? OrganisationId : column);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"dòng {string.Join(", ", rows.Select(r => r.Line))} (Ban Thường vụ của tổ chức {organisationId})");
    }
}
