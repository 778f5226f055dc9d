using System.Globalization;
using Microsoft.Extensions.Primitives;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// What a status request asks for: whose subtree (null = the caller's organisation) and which rows. Parsed from
/// the query string by <see cref="TryParse"/>, which rejects unknown values instead of ignoring them, so a typo
/// in a filter never returns "everything".
/// </summary>
public sealed record StatusQuery(
    string? OrganisationId,
    ComplianceStatus? Compliance,
    bool? Overdue,
    bool? Missing,
    RegulationStage? Stage,
    bool OnlyWithoutRegulation,
    OrganisationType? Type)
{
    public const string OrganisationIdParameter = "organisationId";
    public const string ComplianceParameter = "compliance";
    public const string OverdueParameter = "overdue";
    public const string MissingParameter = "missing";
    public const string StageParameter = "stage";
    public const string TypeParameter = "type";
    public const string CopiedParameter = "copied";
    public const string FormalConsultationParameter = "formalConsultation";

    /// <summary>The <c>stage</c> value that selects organisations without any regulation.</summary>
    public const string NoStage = "None";

    public static StatusQuery Everything { get; } = new(null, null, null, null, null, false, null);

    /// <summary>Only rows whose current text is (true) or is not (false) copied from the previous term; null: any.</summary>
    public bool? Copied { get; init; }

    /// <summary>Only rows whose latest closed consultation was (true) or was not (false) held for form; null: any.</summary>
    public bool? FormalConsultation { get; init; }

    public bool Matches(OrganisationStatus row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return (Compliance is not { } compliance || row.Compliance == compliance)
            && (Overdue is not { } overdue || row.IsOverdue == overdue)
            && (Missing is not { } missing || row.IsMissing == missing)
            && (Stage is not { } stage || row.Stage == stage)
            && (!OnlyWithoutRegulation || row.Stage is null)
            && (Type is not { } type || row.Type == type)
            && (Copied is not { } copied || (row.Likeness?.IsCopiedFromPreviousTerm ?? false) == copied)
            && (FormalConsultation is not { } formal || (row.LastConsultation?.IsFormal ?? false) == formal);
    }

    /// <summary>The filters the table service can apply (only "true" flags narrow there).</summary>
    public StatusFilter ToStoreFilter() => new(OnlyOverdue: Overdue == true, OnlyMissing: Missing == true);

    public static bool TryParse(IQueryCollection query, out StatusQuery result, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        string? organisationId = Single(query, OrganisationIdParameter, errors);
        if (organisationId is not null && !IdSyntax.IsValidReference(organisationId))
        {
            errors[OrganisationIdParameter] = [$"Mã tổ chức không hợp lệ ({IdSyntax.ReferenceRule})."];
        }

        var compliance = ParseEnum<ComplianceStatus>(query, ComplianceParameter, errors);
        bool? overdue = ParseBoolean(query, OverdueParameter, errors);
        bool? missing = ParseBoolean(query, MissingParameter, errors);
        RegulationStage? stage = null;
        bool withoutRegulation = false;
        if (Single(query, StageParameter, errors) is { } stageText)
        {
            if (string.Equals(stageText, NoStage, StringComparison.OrdinalIgnoreCase))
            {
                withoutRegulation = true;
            }
            else
            {
                stage = ParseEnumValue<RegulationStage>(stageText, StageParameter, errors, [NoStage]);
            }
        }

        var type = ParseEnum<OrganisationType>(query, TypeParameter, errors);
        result = new StatusQuery(organisationId, compliance, overdue, missing, stage, withoutRegulation, type)
        {
            Copied = ParseBoolean(query, CopiedParameter, errors),
            FormalConsultation = ParseBoolean(query, FormalConsultationParameter, errors),
        };
        return errors.Count == 0;
    }

    private static string? Single(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return null;
        }

        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            errors[name] = [$"Tham số '{name}' phải có đúng một giá trị."];
            return null;
        }

        return values[0]!.Trim();
    }

    private static bool? ParseBoolean(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        string? text = Single(query, name, errors);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out bool value))
        {
            return value;
        }

        errors[name] = [$"Tham số '{name}' chỉ nhận 'true' hoặc 'false'."];
        return null;
    }

    private static T? ParseEnum<T>(IQueryCollection query, string name, Dictionary<string, string[]> errors)
        where T : struct, Enum =>
        Single(query, name, errors) is { } text ? ParseEnumValue<T>(text, name, errors, []) : null;

    // Names only: Enum.TryParse would also take "7" or "InVote,Filed".
    private static T? ParseEnumValue<T>(string text, string name, Dictionary<string, string[]> errors, string[] extra)
        where T : struct, Enum
    {
        var match = Enum.GetNames<T>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            return Enum.Parse<T>(match);
        }

        errors[name] = [string.Create(CultureInfo.InvariantCulture,
            $"Giá trị '{text}' của tham số '{name}' không hợp lệ; dùng một trong: {string.Join(", ", Enum.GetNames<T>().Concat(extra))}.")];
        return null;
    }
}
