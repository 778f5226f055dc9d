using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Quality;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Comparison;

/// <summary>
/// A regulation's comparison page (<see cref="ConsolePaths.ComparisonStep"/>): one of its drafts, or its issued text,
/// against the previous term's regulation or the model (<c>?draft=3&amp;with=previous|model</c>), each article unchanged,
/// changed (with an inline word diff), new or removed; and its consultation quality page
/// (<see cref="ConsolePaths.QualityStep"/>). Both only read; a person who cannot reach the organisation, as in the
/// API (<see cref="OrganisationAccess"/>), gets "not found".
/// </summary>
public static class ComparisonPages
{
    public const string DraftParameter = ConsolePaths.ComparisonDraftParameter;
    public const string WithParameter = "with";
    public const string IssuedText = "ban-hanh";
    public const string WithPreviousTerm = "previous";
    public const string WithModel = "model";

    public static IEndpointRouteBuilder MapComparisonConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.ComparisonTemplate, ShowComparison).ExcludeFromDescription();
        endpoints.MapGet(ConsolePaths.QualityTemplate, ShowQuality).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowComparison(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        RegulationStore regulations, OrganisationStore organisations, RegulationQuality quality, CancellationToken cancellationToken)
    {
        if (ConsoleUser.From(context.User) is not { } user)
        {
            return TypedResults.Redirect(ConsolePaths.SignIn);
        }

        if (await LoadAsync(organisationId, regulationId, context, access, regulations, organisations, quality, cancellationToken) is not { } loaded)
        {
            return NotFound();
        }

        var view = await ComposeAsync(loaded, context.Request.Query, quality, cancellationToken);
        return new RazorComponentResult<ComparisonPage>(new Dictionary<string, object?>
        {
            [nameof(ComparisonPage.User)] = user,
            [nameof(ComparisonPage.View)] = view,
        })
        {
            StatusCode = view.Errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK,
        };
    }

    public static async Task<IResult> ShowQuality(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        RegulationStore regulations, OrganisationStore organisations, RegulationQuality quality, CancellationToken cancellationToken)
    {
        if (ConsoleUser.From(context.User) is not { } user)
        {
            return TypedResults.Redirect(ConsolePaths.SignIn);
        }

        if (await LoadAsync(organisationId, regulationId, context, access, regulations, organisations, quality, cancellationToken) is not { } loaded)
        {
            return NotFound();
        }

        return new RazorComponentResult<QualityPage>(new Dictionary<string, object?>
        {
            [nameof(QualityPage.User)] = user,
            [nameof(QualityPage.OrganisationId)] = organisationId,
            [nameof(QualityPage.RegulationId)] = regulationId,
            [nameof(QualityPage.RegulationTitle)] = loaded.Regulation.Title,
            [nameof(QualityPage.Rounds)] = await quality.ClosedRoundsAsync(loaded.Regulation, loaded.Thresholds, cancellationToken),
            [nameof(QualityPage.Thresholds)] = loaded.Thresholds,
        });
    }

    private static RazorComponentResult<Web.Components.MessagePage> NotFound() => MessagePages.Show(
        StatusCodes.Status404NotFound,
        "Không tìm thấy quy chế",
        "Quy chế này không tồn tại hoặc không thuộc phạm vi theo dõi của văn phòng đồng chí.",
        tone: MessageTone.Warning);

    private static async Task<Loaded?> LoadAsync(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        RegulationStore regulations, OrganisationStore organisations, RegulationQuality quality, CancellationToken cancellationToken)
    {
        if (!IdSyntax.IsValidReference(organisationId) || !IdSyntax.IsValidReference(regulationId) ||
            !await access.CanReachAsync(context.User, organisationId, cancellationToken) ||
            await regulations.GetAsync(organisationId, regulationId, cancellationToken) is not { } regulation ||
            await organisations.GetAsync(organisationId, cancellationToken) is not { } organisation)
        {
            return null;
        }

        return new Loaded(organisation.Value, Regulation.FromState(regulation.Value), await quality.ThresholdsForAsync(organisation.Value, cancellationToken));
    }

    private static async Task<ComparisonView> ComposeAsync(Loaded loaded, IQueryCollection query, RegulationQuality quality, CancellationToken cancellationToken)
    {
        var regulation = loaded.Regulation;
        var cycle = regulation.ActiveCycle ?? regulation.Amendments.Select(a => a.Cycle).LastOrDefault(c => c.Drafts.Count > 0) ?? regulation.InitialCycle;
        List<FormChoice> texts = [.. cycle.Drafts.Reverse().Select(d => new FormChoice(d.Number.ToString(CultureInfo.InvariantCulture), $"Dự thảo lần {d.Number}"))];
        if (regulation.CurrentIssuance is not null)
        {
            texts.Insert(regulation.ActiveCycle is null ? 0 : texts.Count, new FormChoice(IssuedText, "Văn bản ban hành"));
        }

        FormChoice[] references =
        [
            new(WithPreviousTerm, "Quy chế nhiệm kỳ trước"),
            new(WithModel, "Quy chế mẫu"),
        ];
        Dictionary<string, string> errors = new(StringComparer.Ordinal);
        string? text = Single(query, DraftParameter) ?? texts.FirstOrDefault()?.Value;
        string? with = Single(query, WithParameter);
        if (text is not null && texts.All(t => t.Value != text))
        {
            errors[DraftParameter] = "Quy chế này không có dự thảo hoặc văn bản như vậy; đề nghị đồng chí chọn trong danh sách.";
        }

        if (with is not null && references.All(r => r.Value != with))
        {
            errors[WithParameter] = "Đề nghị đồng chí chọn quy chế nhiệm kỳ trước hoặc quy chế mẫu.";
        }

        var rounds = await quality.ClosedRoundsAsync(regulation, loaded.Thresholds, cancellationToken);
        ComparisonView view = new(loaded.Organisation.Id, regulation.Id, regulation.Title, texts, references, text, with, errors,
            null, null, null, [], rounds, loaded.Thresholds);
        if (errors.Count > 0 || text is null)
        {
            return view;
        }

        var hash = text == IssuedText
            ? regulation.CurrentIssuance!.FinalDocumentHash
            : cycle.Drafts.First(d => d.Number.ToString(CultureInfo.InvariantCulture) == text).ContentHash;
        var previous = RegulationQuality.PreviousTermOf(loaded.Organisation,
            (await quality.RegulationsOfAsync(loaded.Organisation.Id, cancellationToken)).Where(r => r.Id != regulation.Id));
        var model = await quality.ModelOfAsync(loaded.Organisation, cancellationToken);
        // Unless asked, the reference is the one the regulation started from, else whichever exists.
        ReferenceText?[] order = cycle.Drafts is [{ Origin: DraftOrigin.Model }, ..] ? [model, previous] : [previous, model];
        with ??= order.FirstOrDefault(r => r is not null)?.Origin == DraftOrigin.Model ? WithModel : WithPreviousTerm;
        var reference = with == WithModel ? model : previous;
        var (figure, comparison) = await quality.CompareAsync(hash, reference, cancellationToken);
        IReadOnlyList<ArticleView> articles = comparison is null || reference is null
            ? []
            : Articles(comparison, (await quality.ReadAsync(hash, cancellationToken)).Text!, (await quality.ReadAsync(reference.Hash, cancellationToken)).Text!);
        return view with
        {
            With = with,
            TextLabel = texts.First(t => t.Value == text).Label,
            Reference = reference,
            Figure = figure,
            Articles = articles,
        };
    }

    private static List<ArticleView> Articles(RegulationComparison comparison, RegulationText text, RegulationText reference)
    {
        List<ArticleView> views = [];
        foreach (var article in comparison.Articles)
        {
            var own = article.DraftNumber is { } d ? text.Articles.First(a => a.Number == d) : null;
            var theirs = article.ReferenceNumber is { } r ? reference.Articles.First(a => a.Number == r) : null;
            IReadOnlyList<DiffSegment> segments = article.Change switch
            {
                ArticleChange.Changed => WordDiff.Between(theirs!.Body, own!.Body),
                ArticleChange.New => [new DiffSegment(DiffSegmentKind.Inserted, own!.Body)],
                ArticleChange.Removed => [new DiffSegment(DiffSegmentKind.Deleted, theirs!.Body)],
                _ => [new DiffSegment(DiffSegmentKind.Same, own!.Body)],
            };
            views.Add(new ArticleView(article.Change, article.DraftNumber, article.ReferenceNumber, (own ?? theirs)!.Heading, article.SimilarityPercent, segments));
        }

        return views;
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[^1]) ? values[^1]!.Trim() : null;

    private sealed record Loaded(Domain.Organisations.Organisation Organisation, Regulation Regulation, Domain.Organisations.QualityThresholds Thresholds);
}
