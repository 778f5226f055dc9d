namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>
/// One member of a campaign's roll-up as the API returns it; dates as yyyy-MM-dd. With the copy and quality figures of
/// its status row: <see cref="Likeness"/> and <see cref="IsCopiedFromPreviousTerm"/>, <see cref="LastConsultation"/>
/// and <see cref="IsConsultationFormal"/> (the same as <c>GET /api/status</c> gives).
/// </summary>
public sealed record CampaignMemberResponse(
    string OrganisationId,
    string Code,
    string Name,
    string Type,
    string TypeLabel,
    string State,
    string StateLabel,
    string? Stage,
    string? StageLabel,
    string? RegulationId,
    string? RegulationNumber,
    DateOnly? DoneOn)
{
    /// <summary>
    /// How alike the current regulation's text is to the previous term's regulation and to the model (a percentage, or
    /// why not: scanned, no reference …); null without a text.
    /// </summary>
    public Quality.TextLikeness? Likeness { get; init; }

    /// <summary>True when the current text is at least the upper level's threshold alike to the previous term's regulation.</summary>
    public bool IsCopiedFromPreviousTerm { get; init; }

    /// <summary>The current regulation's latest closed consultation round: its figures and whether it was held for form.</summary>
    public Quality.ConsultationSummary? LastConsultation { get; init; }

    /// <summary>True when <see cref="LastConsultation"/> counts as held for form (<i>hình thức</i>).</summary>
    public bool IsConsultationFormal { get; init; }

    public static CampaignMemberResponse From(CampaignMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        var compliance = member.Compliance;
        return new(member.OrganisationId, member.Code, member.Name, member.Type.ToString(), Status.StatusText.OrganisationType(member.Type),
            compliance.State.ToString(), CampaignText.Compliance(compliance.State), compliance.Stage?.ToString(),
            compliance.Stage is { } stage ? Domain.Regulations.RegulationStageText.Label(stage) : null,
            member.RegulationId, compliance.Number, compliance.DoneOn)
        {
            Likeness = member.Likeness,
            IsCopiedFromPreviousTerm = member.IsCopiedFromPreviousTerm,
            LastConsultation = member.LastConsultation,
            IsConsultationFormal = member.IsConsultationFormal,
        };
    }
}
