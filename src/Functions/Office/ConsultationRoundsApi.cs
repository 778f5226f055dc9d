using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Quality;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A regulation's consultation rounds as they stand, each closed one with its quality (<see cref="ConsultationQualityResponse"/>):
/// the rounds are opened by <see cref="RegulationsApi.OpenConsultation"/>; these only read.
/// </summary>
public static class ConsultationRoundsApi
{
    public const string Path = RegulationsApi.Path + "/{regulationId}/consultations";

    public static RouteGroupBuilder MapConsultationRoundsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization(QuyCheWorkflowPolicies.AnyOffice)
            .WithTags("Regulations")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListConsultationRounds).WithName(nameof(ListConsultationRounds))
            .WithSummary("List a regulation's consultation rounds")
            .WithDescription("Every consultation round of the regulation (original text and amendments), oldest first, each closed one with its quality: response rate, bare agreements, comments per article and the articles without any, share of comments accepted, partly accepted and not accepted, days open, and whether it counts as held for form under the upper level's thresholds.");
        group.MapGet("/{roundId}", GetConsultationRound).WithName(nameof(GetConsultationRound))
            .WithSummary("Get a consultation round")
            .WithDescription("One consultation round with its answers and, once closed, its quality.");
        return group;
    }

    public static async Task<Results<Ok<IReadOnlyList<ConsultationRoundResponse>>, ProblemHttpResult>> ListConsultationRounds(
        string organisationId, string regulationId, HttpContext context, OrganisationAccess access, RegulationStore regulations,
        OrganisationStore organisations, ConsultationStore consultations, RegulationQuality quality, CancellationToken cancellationToken)
    {
        if (await ReadAsync(organisationId, regulationId, context, access, regulations, organisations, quality, cancellationToken) is not { } read)
        {
            return OfficeProblems.NotFound("quy chế");
        }

        List<ConsultationRoundResponse> rounds = [];
        foreach (var roundId in read.Regulation.Cycles.SelectMany(c => c.ConsultationRoundIds))
        {
            if (await consultations.GetRoundAsync(regulationId, roundId, cancellationToken) is { } round)
            {
                rounds.Add(await RespondAsync(read, round.Value, quality, cancellationToken));
            }
        }

        return TypedResults.Ok<IReadOnlyList<ConsultationRoundResponse>>(rounds);
    }

    public static async Task<Results<Ok<ConsultationRoundResponse>, ProblemHttpResult>> GetConsultationRound(
        string organisationId, string regulationId, string roundId, HttpContext context, OrganisationAccess access, RegulationStore regulations,
        OrganisationStore organisations, ConsultationStore consultations, RegulationQuality quality, CancellationToken cancellationToken)
    {
        if (await ReadAsync(organisationId, regulationId, context, access, regulations, organisations, quality, cancellationToken) is not { } read ||
            OrganisationFields.Id(roundId, "roundId", new(StringComparer.Ordinal)) is null ||
            !read.Regulation.Cycles.Any(c => c.ConsultationRoundIds.Contains(roundId)) ||
            await consultations.GetRoundAsync(regulationId, roundId, cancellationToken) is not { } round)
        {
            return OfficeProblems.NotFound("đợt lấy ý kiến");
        }

        return TypedResults.Ok(await RespondAsync(read, round.Value, quality, cancellationToken));
    }
    private static async Task<ConsultationRoundResponse> RespondAsync(Read read, Domain.Consultations.ConsultationRoundState round, RegulationQuality quality,
        CancellationToken cancellationToken) =>
        ConsultationRoundResponse.From(round, await quality.MeasureAsync(read.Regulation, round, read.Thresholds, cancellationToken) is { } measured
            ? ConsultationQualityResponse.From(measured, read.Thresholds)
            : null);

    private static async Task<Read?> ReadAsync(string organisationId, string regulationId, HttpContext context, OrganisationAccess access,
        RegulationStore regulations, OrganisationStore organisations, RegulationQuality quality, CancellationToken cancellationToken)
    {
        if (!await RegulationsApi.Commands.ReachesAsync(context, access, organisationId, cancellationToken) ||
            OrganisationFields.Id(regulationId, "regulationId", new(StringComparer.Ordinal)) is null ||
            await regulations.GetAsync(organisationId, regulationId, cancellationToken) is not { } loaded ||
            await organisations.GetAsync(organisationId, cancellationToken) is not { } organisation)
        {
            return null;
        }

        return new Read(Regulation.FromState(loaded.Value), await quality.ThresholdsForAsync(organisation.Value, cancellationToken));
    }

    private sealed record Read(Regulation Regulation, Domain.Organisations.QualityThresholds Thresholds);
}
