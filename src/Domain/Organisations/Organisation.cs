using System.Diagnostics.CodeAnalysis;

namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// A Party organisation (Tỉnh ủy, Đảng ủy Khối, đảng bộ cơ sở, chi bộ, ...), one node of the tree whose links
/// are <see cref="ParentId"/>. The root has no parent. Entering a new term (<see cref="EnterTerm"/>) makes the
/// organisation owe a new working regulation for that term.
/// </summary>
/// <param name="Id">Stable identifier.</param>
/// <param name="Name">Full name of the Party organisation, e.g. "Đảng bộ Sở Tài chính" or "Đảng ủy Khối các cơ quan tỉnh".</param>
/// <param name="Code">Code used in document symbols.</param>
/// <param name="Type">Kind of organisation; selects the model regulation.</param>
/// <param name="ParentId">The upper level (<i>cấp ủy cấp trên</i>), or null for the root.</param>
/// <param name="CurrentTerm">The term in office now.</param>
/// <param name="Committee">The standing committee of the current term.</param>
public sealed record Organisation(
    string Id,
    string Name,
    OrganisationCode Code,
    OrganisationType Type,
    string? ParentId,
    Term CurrentTerm,
    StandingCommittee Committee)
{
    /// <summary>The committee office's mailbox (văn phòng cấp ủy): where notices meant for the office go.</summary>
    public string? OfficeEmail { get; init; }

    /// <summary>
    /// What this organisation, as an upper level, counts as copying and as consulting for form in the organisations
    /// below it; null when it set nothing (a nearer upper level's, else <see cref="QualityThresholds.Default"/>, applies).
    /// </summary>
    public QualityThresholds? QualityThresholds { get; init; }

    private readonly string? _committeeName;

    /// <summary>
    /// The committee's name (<i>cấp ủy</i>), which "Ban Thường vụ …" and "Văn phòng …" are built from, e.g.
    /// "Đảng ủy Sở Tài chính" for the "Đảng bộ Sở Tài chính". Unless set, it follows <see cref="Name"/>
    /// (<see cref="CommitteeNames.FromOrganisationName"/>), also after a rename; setting null or blank goes back to that.
    /// </summary>
    [AllowNull]
    public string CommitteeName
    {
        get => _committeeName ?? CommitteeNames.FromOrganisationName(Name);
        init => _committeeName = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    /// <summary>True when <see cref="CommitteeName"/> was set rather than derived from <see cref="Name"/>.</summary>
    public bool HasOwnCommitteeName => _committeeName is not null;

    /// <summary>The committee office's name, "Văn phòng {<see cref="CommitteeName"/>}", e.g. "Văn phòng Đảng ủy Sở Tài chính".</summary>
    public string OfficeName => CommitteeNames.OfficeOf(CommitteeName);

    /// <summary>
    /// Moves to <paramref name="next"/>, which must start after the current term, with the newly elected
    /// committee.
    /// </summary>
    /// <exception cref="DomainException">The term is not later than the current one.</exception>
    public Organisation EnterTerm(Term next, StandingCommittee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        if (next <= CurrentTerm)
        {
            throw new DomainException(RefusalCode.TermNotAfterCurrent, $"Term {next} does not follow the current term {CurrentTerm} of '{Id}'.",
                new Dictionary<string, string> { ["term"] = next.ToString(), ["currentTerm"] = CurrentTerm.ToString() });
        }

        return this with { CurrentTerm = next, Committee = committee };
    }
}
