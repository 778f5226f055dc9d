using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// The texts a new draft may start from besides an upload, and the check that a draft going to consultation or
/// to the vote is still one of them unchanged (the sources' "drafts copied from the previous term"). Rules:
/// <list type="bullet">
/// <item>The previous term's text is the final document of an issued regulation of an earlier term than the
/// organisation's current one: the one still in force if there is one, otherwise the one issued last.</item>
/// <item>A draft is unchanged from the previous term when its bytes are the final document of an issued
/// regulation of an earlier term of the same organisation, whether it was started from that text or uploaded
/// again; unchanged from the model when its bytes are a model draft of the same cycle.</item>
/// </list>
/// </summary>
public static class DraftSources
{
    /// <summary>The warning shown while a draft identical to <paramref name="origin"/>'s text is consulted on or voted on.</summary>
    public static string UnchangedWarning(DraftOrigin origin) => origin switch
    {
        DraftOrigin.PreviousTerm => "Dự thảo chưa thay đổi so với quy chế nhiệm kỳ trước",
        DraftOrigin.Model => "Dự thảo chưa thay đổi so với quy chế mẫu",
        _ => throw new ArgumentOutOfRangeException(nameof(origin), origin, null),
    };

    /// <summary>
    /// The issued regulation of an earlier term of <paramref name="organisation"/> to start the current term's
    /// draft from (its text is <see cref="Regulation.CurrentIssuance"/>'s final document); null when there is none.
    /// </summary>
    public static Regulation? PreviousTermRegulation(Organisation organisation, IEnumerable<Regulation> regulations)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(regulations);
        return regulations
            .Where(r => r.OrganisationId == organisation.Id && r.Term < organisation.CurrentTerm && r.CurrentIssuance is not null)
            .OrderByDescending(r => r.HasTextInForce)
            .ThenByDescending(r => r.CurrentIssuance!.IssueDate)
            .ThenByDescending(r => r.CurrentIssuance!.RecordedAt)
            .FirstOrDefault();
    }

    /// <summary>The draft version whose bytes became the current issued text, or null (not issued, or issued from elsewhere).</summary>
    public static DraftVersion? FinalDraftOf(Regulation regulation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        return regulation.CurrentIssuance is { } issuance
            ? AllDrafts(regulation).LastOrDefault(d => d.ContentHash == issuance.FinalDocumentHash)
            : null;
    }

    /// <summary>
    /// Which source the draft of <paramref name="regulation"/> now in consultation or in the vote is still
    /// identical to, or null (also when no draft is there). <paramref name="ofOrganisation"/> are the
    /// organisation's regulations of every term.
    /// </summary>
    public static DraftOrigin? UnchangedFrom(Regulation regulation, IEnumerable<Regulation> ofOrganisation)
    {
        ArgumentNullException.ThrowIfNull(regulation);
        ArgumentNullException.ThrowIfNull(ofOrganisation);
        if (regulation.ActiveCycle is not { Stage: DraftingStage.InConsultation or DraftingStage.InVote, LatestDraft: { } draft } cycle)
        {
            return null;
        }

        bool previousTerm = ofOrganisation.Any(r =>
            r.OrganisationId == regulation.OrganisationId && r.Term < regulation.Term && IssuedHashes(r).Contains(draft.ContentHash));
        if (previousTerm || cycle.Drafts.Any(d => d.Origin == DraftOrigin.PreviousTerm && d.ContentHash == draft.ContentHash))
        {
            return DraftOrigin.PreviousTerm;
        }

        return cycle.Drafts.Any(d => d.Origin == DraftOrigin.Model && d.ContentHash == draft.ContentHash) ? DraftOrigin.Model : null;
    }

    private static IEnumerable<DraftVersion> AllDrafts(Regulation regulation) =>
        regulation.InitialCycle.Drafts.Concat(regulation.Amendments.SelectMany(a => a.Cycle.Drafts));

    private static IEnumerable<ContentHash> IssuedHashes(Regulation regulation) =>
        new[] { regulation.InitialCycle.Issuance, regulation.CurrentIssuance }
            .Concat(regulation.Amendments.Select(a => a.Cycle.Issuance))
            .Where(i => i is not null)
            .Select(i => i!.FinalDocumentHash);
}
