using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// The organisations file: <c>id,parentId,name,code,type,term</c> required, <c>officeEmail</c>,
/// <c>committeeName</c> (empty: derived from the name) and <c>secretaryId,secretaryName,secretaryEmail</c> optional. Every value is checked by <see cref="OrganisationFields"/>,
/// as for <c>POST /api/organisations</c>; an empty parentId is a root.
/// </summary>
internal static class OrganisationCsv
{
    public const string Id = "id";
    public const string ParentId = "parentId";
    public const string Name = "name";
    public const string Code = "code";
    public const string Type = "type";
    public const string Term = "term";
    public const string OfficeEmail = "officeEmail";
    public const string CommitteeName = "committeeName";
    public const string SecretaryId = "secretaryId";
    public const string SecretaryName = "secretaryName";
    public const string SecretaryEmail = "secretaryEmail";

    public static IReadOnlyList<string> RequiredColumns { get; } = [Id, ParentId, Name, Code, Type, Term];

    public static IReadOnlyList<string> OptionalColumns { get; } = [OfficeEmail, CommitteeName, SecretaryId, SecretaryName, SecretaryEmail];

    /// <summary>The valid rows; a faulty row adds its errors and is left out.</summary>
    public static IReadOnlyList<OrganisationRow> Parse(ImportSheet sheet, Dictionary<string, string[]> errors)
    {
        List<OrganisationRow> rows = [];
        Dictionary<string, int> lineOf = new(StringComparer.Ordinal);
        bool hasOfficeEmail = sheet.Columns.Contains(OfficeEmail);
        bool hasCommitteeName = sheet.Columns.Contains(CommitteeName);
        foreach (var row in sheet.Rows)
        {
            var before = errors.Count;
            var id = OrganisationFields.Id(row[Id], row.Key(Id), errors);
            if (id is not null && !lineOf.TryAdd(id, row.Line))
            {
                errors[row.Key(Id)] = [$"Mã tổ chức '{id}' đã có ở dòng {lineOf[id]}."];
            }

            var parentId = string.IsNullOrWhiteSpace(row[ParentId]) ? null : OrganisationFields.Id(row[ParentId], row.Key(ParentId), errors);
            if (parentId is not null && parentId == id)
            {
                errors[row.Key(ParentId)] = ["Tổ chức không thể là cấp trên của chính nó."];
            }

            var name = OrganisationFields.Name(row[Name], row.Key(Name), errors);
            var code = OrganisationFields.Code(row[Code], row.Key(Code), errors);
            var type = OrganisationFields.Type(row[Type], row.Key(Type), errors);
            var term = OrganisationFields.Term(row[Term], row.Key(Term), errors);
            var officeEmail = hasOfficeEmail ? OrganisationFields.Email(row[OfficeEmail], row.Key(OfficeEmail), optional: true, errors) : null;
            var committeeName = hasCommitteeName ? OrganisationFields.CommitteeName(row[CommitteeName], row.Key(CommitteeName), errors) : null;
            var secretary = Secretary(row, errors);
            if (errors.Count == before)
            {
                rows.Add(new OrganisationRow(row.Line, id!, parentId, name!, code!.Value, type!.Value, term!.Value, hasOfficeEmail, officeEmail, secretary)
                {
                    HasCommitteeName = hasCommitteeName,
                    CommitteeName = committeeName,
                });
            }
        }

        return rows;
    }

    private static CommitteeMember? Secretary(ImportRow row, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(row[SecretaryId]) && string.IsNullOrWhiteSpace(row[SecretaryName]) && string.IsNullOrWhiteSpace(row[SecretaryEmail]))
        {
            return null;
        }

        var id = OrganisationFields.Id(row[SecretaryId], row.Key(SecretaryId), errors);
        var name = OrganisationFields.Name(row[SecretaryName], row.Key(SecretaryName), errors);
        var email = OrganisationFields.Email(row[SecretaryEmail], row.Key(SecretaryEmail), optional: false, errors);
        return id is null || name is null || email is null ? null : new CommitteeMember(id, name, email, CommitteeRole.Secretary);
    }
}
