namespace QuyCheWorkflow.Domain.Audit;

/// <summary>The result of <see cref="AuditChain.Verify"/>.</summary>
/// <param name="IsValid">True when every link matches.</param>
/// <param name="FirstBrokenIndex">
/// Index of the first entry whose <see cref="AuditEntry.PreviousHash"/> does not match the entry before it
/// (so an edit of entry k shows as k + 1); equal to the entry count when only the expected head hash
/// failed; null when valid.
/// </param>
public sealed record AuditVerification(bool IsValid, int? FirstBrokenIndex)
{
    public static AuditVerification Valid { get; } = new(true, null);

    public static AuditVerification BrokenAt(int index) => new(false, index);
}
