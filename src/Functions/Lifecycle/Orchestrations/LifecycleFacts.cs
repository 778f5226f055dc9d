using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Mail;

namespace QuyCheWorkflow.Functions.Lifecycle.Orchestrations;

/// <summary>Reads shared by the lifecycle activities: the organisation, its upper level and the regulation.</summary>
public sealed class LifecycleFacts(LifecycleStores stores)
{
    public LifecycleStores Stores => stores;

    public async Task<Organisation> OrganisationAsync(string organisationId, CancellationToken cancellationToken) =>
        (await stores.Organisations.GetAsync(organisationId, cancellationToken))?.Value
        ?? throw new LifecycleNotFoundException($"Organisation '{organisationId}' does not exist.");

    public async Task<Regulation> RegulationAsync(LifecycleInstanceInput input, CancellationToken cancellationToken) =>
        Regulation.FromState((await stores.Regulations.GetAsync(input.OrganisationId, input.RegulationId, cancellationToken))?.Value
            ?? throw new LifecycleNotFoundException($"Regulation '{input.RegulationId}' does not exist."));

    /// <summary>
    /// After <paramref name="sent"/> notices went out (none: nothing to do), refreshes the organisation's status row,
    /// which shows the last notice sent and the next one scheduled.
    /// </summary>
    public Task NoticesSentAsync(LifecycleInstanceInput input, int sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return sent > 0 ? stores.Status.RefreshAsync(input.OrganisationId, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>The office mailbox of an organisation, when it has one, under the office's name ("Văn phòng Đảng ủy …").</summary>
    public static MailRecipient? Office(Organisation organisation) =>
        string.IsNullOrWhiteSpace(organisation.OfficeEmail) ? null : new MailRecipient(organisation.OfficeEmail, organisation.OfficeName);

    /// <summary>The draft a round was opened on, from whichever cycle (initial or amendment) holds the round.</summary>
    public static DraftVersion DraftOf(Regulation regulation, string roundId, int version)
    {
        var cycles = regulation.Cycles;
        var cycle = cycles.First(c => c.ConsultationRoundIds.Contains(roundId) || c.VoteRoundIds.Contains(roundId));
        return cycle.Drafts.Single(d => d.Number == version);
    }

    /// <summary>The issuance whose symbol a filing carries.</summary>
    public static Issuance IssuanceOf(Regulation regulation, string symbol) =>
        new[] { regulation.InitialCycle.Issuance }.Concat(regulation.Amendments.Select(a => a.Cycle.Issuance))
            .FirstOrDefault(i => i?.Number.Symbol == symbol)
        ?? throw new DomainException(RefusalCode.IssuanceMissing, $"Regulation '{regulation.Id}' has no issuance '{symbol}'.",
            new Dictionary<string, string> { ["symbol"] = symbol });
}
