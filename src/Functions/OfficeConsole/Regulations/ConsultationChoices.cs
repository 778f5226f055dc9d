using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

/// <summary>
/// Who a consultation can be sent to, as the form lists them: the offices of the organisations directly below
/// (their office mailbox, or their secretary's when they have none) and the members of the standing committee.
/// </summary>
public sealed record ConsultationChoices(Organisation Organisation, IReadOnlyList<Organisation> Subordinates)
{
    /// <summary>The mailbox a subordinate organisation is consulted at.</summary>
    public static string AddressOf(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        return string.IsNullOrWhiteSpace(organisation.OfficeEmail) ? organisation.Committee.Secretary.Email : organisation.OfficeEmail;
    }

    /// <summary>The recipient id of a committee member ("uv-" and the member's id, so it never meets an organisation's id).</summary>
    public static string MemberRecipientId(string memberId) => "uv-" + memberId;
}
