using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// Who signs an issued regulation and in what capacity, as printed in the signing block:
/// <c>T/M BAN THƯỜNG VỤ</c> / <c>BÍ THƯ</c> (or <c>PHÓ BÍ THƯ</c>) / the name.
/// </summary>
/// <param name="Capacity">On whose behalf, e.g. "T/M BAN THƯỜNG VỤ".</param>
/// <param name="Title">The signer's title, e.g. "BÍ THƯ".</param>
/// <param name="FullName">The signer's name.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record Signer(string Capacity, string Title, string FullName)
{
    /// <summary>The capacity of every signature on behalf of the standing committee.</summary>
    public const string OnBehalfOfStandingCommittee = "T/M BAN THƯỜNG VỤ";

    /// <summary>
    /// The signing block of <paramref name="member"/>: the secretary signs as <c>BÍ THƯ</c>, a deputy secretary
    /// (signing for the secretary) as <c>PHÓ BÍ THƯ</c>, both on behalf of the standing committee. An ordinary
    /// member does not sign a regulation.
    /// </summary>
    /// <exception cref="DomainException"><see cref="RefusalCode.SignerCannotSign"/>: an ordinary member.</exception>
    public static Signer For(CommitteeMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return member.Role switch
        {
            CommitteeRole.Secretary => new(OnBehalfOfStandingCommittee, "BÍ THƯ", member.FullName),
            CommitteeRole.DeputySecretary => new(OnBehalfOfStandingCommittee, "PHÓ BÍ THƯ", member.FullName),
            _ => throw new DomainException(
                RefusalCode.SignerCannotSign,
                $"'{member.FullName}' is a member of the standing committee without the role to sign on its behalf.",
                new Dictionary<string, string> { ["signer"] = member.FullName }),
        };
    }

    /// <summary>
    /// The member of <paramref name="committee"/> who signs, named by member id or else by full name (ignoring case
    /// and surrounding spaces), with the signing block of <see cref="For(CommitteeMember)"/>.
    /// </summary>
    /// <exception cref="DomainException"><see cref="RefusalCode.SignerNotOnCommittee"/> or <see cref="RefusalCode.SignerCannotSign"/>.</exception>
    public static Signer From(StandingCommittee committee, string memberIdOrName)
    {
        ArgumentNullException.ThrowIfNull(committee);
        string named = memberIdOrName?.Trim() ?? string.Empty;
        CommitteeMember? member = committee.Members.FirstOrDefault(m => m.MemberId == named)
            ?? committee.Members.FirstOrDefault(m => string.Equals(m.FullName.Trim(), named, StringComparison.OrdinalIgnoreCase));
        return member is null
            ? throw new DomainException(
                RefusalCode.SignerNotOnCommittee,
                $"'{named}' is not on the standing committee, so cannot sign on its behalf.",
                new Dictionary<string, string> { ["signer"] = named })
            : For(member);
    }

    /// <summary>"T/M BAN THƯỜNG VỤ, BÍ THƯ Nguyễn Văn A".</summary>
    public override string ToString() => $"{Capacity}, {Title} {FullName}";
}
