using System.Globalization;
using Microsoft.Extensions.Primitives;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Status;

/// <summary>
/// What a status request asks for: whose subtree (null = the caller's organisation), which rows, in which order and
/// which page of them. Parsed from the query string by <see cref="TryParse"/>, which rejects unknown values instead
/// of ignoring them, so a typo in a filter never returns "everything". <see cref="Search"/> matches the name or the
/// code ignoring case and diacritics (<see cref="SearchText"/>); <see cref="Page"/> null means every row at once.
/// </summary>
public sealed record StatusQuery(
    string? OrganisationId,
    ComplianceStatus? Compliance,
    bool? Overdue,
    bool? Missing,
    RegulationStage? Stage,
    bool OnlyWithoutRegulation,
    OrganisationType? Type,
    bool? Returned = null,
    string? Search = null,
    StatusSort Sort = StatusSort.Tree,
    bool Descending = false,
    int? Page = null,
    int PageSize = StatusQuery.DefaultPageSize)
{
    public const string OrganisationIdParameter = "organisationId";
    public const string ComplianceParameter = "compliance";
    public const string OverdueParameter = "overdue";
    public const string MissingParameter = "missing";
    public const string ReturnedParameter = "returned";
    public const string StageParameter = "stage";
    public const string TypeParameter = "type";
    public const string SearchParameter = "q";
    public const string SortParameter = "sort";
    public const string OrderParameter = "order";
    public const string PageParameter = "page";
    public const string PageSizeParameter = "pageSize";

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxSearchLength = 100;

    public const string CopiedParameter = "copied";
    public const string FormalConsultationParameter = "formalConsultation";

    /// <summary>The <c>stage</c> value that selects organisations without any regulation.</summary>
    public const string NoStage = "None";

    public static StatusQuery Everything { get; } = new(null, null, null, null, null, false, null);

    /// <summary>Whether the query narrows the rows at all (any filter but the subtree).</summary>
    public bool IsFiltered =>
        Compliance is not null || Overdue is not null || Missing is not null || Returned is not null || Stage is not null
        || OnlyWithoutRegulation || Type is not null || Search is not null || Copied is not null || FormalConsultation is not null;

    /// <summary>Only rows whose current text is (true) or is not (false) copied from the previous term; null: any.</summary>
    public bool? Copied { get; init; }

    /// <summary>Only rows whose latest closed consultation was (true) or was not (false) held for form; null: any.</summary>
    public bool? FormalConsultation { get; init; }

    public bool Matches(OrganisationStatus row)
    {
        ArgumentNullException.ThrowIfNull(row);
        string? search = Search is null ? null : SearchText.Fold(Search);
        return (Compliance is not { } compliance || row.Compliance == compliance)
            && (Overdue is not { } overdue || row.IsOverdue == overdue)
            && (Missing is not { } missing || row.IsMissing == missing)
            && (Returned is not { } returned || row.IsReturned == returned)
            && (Stage is not { } stage || row.Stage == stage)
            && (!OnlyWithoutRegulation || row.Stage is null)
            && (Type is not { } type || row.Type == type)
            && (search is not { Length: > 0 }
                || SearchText.Fold(row.Name).Contains(search, StringComparison.Ordinal)
                || SearchText.Fold(row.Code).Contains(search, StringComparison.Ordinal))
            && (Copied is not { } copied || row.IsCopiedFromPreviousTerm == copied)
            && (FormalConsultation is not { } formal || row.IsConsultationFormal == formal);
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
        bool? returned = ParseBoolean(query, ReturnedParameter, errors);
        string? search = Single(query, SearchParameter, errors);
        if (search is { Length: > MaxSearchLength })
        {
            errors[SearchParameter] = [$"Từ khóa tìm kiếm dài tối đa {MaxSearchLength} ký tự."];
        }

        var sort = ParseEnum<StatusSort>(query, SortParameter, errors) ?? StatusSort.Tree;
        bool descending = false;
        if (Single(query, OrderParameter, errors) is { } order)
        {
            descending = order.Equals("desc", StringComparison.OrdinalIgnoreCase);
            if (!descending && !order.Equals("asc", StringComparison.OrdinalIgnoreCase))
            {
                errors[OrderParameter] = ["Tham số 'order' chỉ nhận 'asc' hoặc 'desc'."];
            }
        }

        int? page = ParseNumber(query, PageParameter, 1, int.MaxValue, errors);
        int pageSize = ParseNumber(query, PageSizeParameter, 1, MaxPageSize, errors) ?? DefaultPageSize;
        result = new StatusQuery(organisationId, compliance, overdue, missing, stage, withoutRegulation, type,
            returned, search, sort, descending, page, pageSize)
        {
            Copied = ParseBoolean(query, CopiedParameter, errors),
            FormalConsultation = ParseBoolean(query, FormalConsultationParameter, errors),
        };
        return errors.Count == 0;
    }

    /// <summary>
    /// The query string of this query with <paramref name="change"/> applied, leaving out defaults, for links that
    /// keep every other choice (sort links, page links, counts that apply a filter).
    /// </summary>
    public string ToQueryString(Func<StatusQuery, StatusQuery>? change = null)
    {
        var query = change is null ? this : change(this);
        List<KeyValuePair<string, string?>> pairs = [];
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                pairs.Add(new(name, value));
            }
        }

        static string? Flag(bool? value) => value is { } flag ? (flag ? "true" : "false") : null;

        Add(OrganisationIdParameter, query.OrganisationId);
        Add(StageParameter, query.OnlyWithoutRegulation ? NoStage : query.Stage?.ToString());
        Add(TypeParameter, query.Type?.ToString());
        Add(ComplianceParameter, query.Compliance?.ToString());
        Add(MissingParameter, Flag(query.Missing));
        Add(OverdueParameter, Flag(query.Overdue));
        Add(ReturnedParameter, Flag(query.Returned));
        Add(CopiedParameter, Flag(query.Copied));
        Add(FormalConsultationParameter, Flag(query.FormalConsultation));
        Add(SearchParameter, query.Search);
        Add(SortParameter, query.Sort == StatusSort.Tree ? null : query.Sort.ToString());
        Add(OrderParameter, query.Descending ? "desc" : null);
        Add(PageParameter, query.Page is { } page and > 1 ? page.ToString(CultureInfo.InvariantCulture) : null);
        Add(PageSizeParameter, query.PageSize == DefaultPageSize ? null : query.PageSize.ToString(CultureInfo.InvariantCulture));
        return QueryString.Create(pairs).ToUriComponent();
    }

    private static int? ParseNumber(IQueryCollection query, string name, int min, int max, Dictionary<string, string[]> errors)
    {
        string? text = Single(query, name, errors);
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        errors[name] = [string.Create(CultureInfo.InvariantCulture, $"Tham số '{name}' là số nguyên từ {min} đến {max}.")];
        return null;
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
