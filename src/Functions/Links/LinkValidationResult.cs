using System.Diagnostics.CodeAnalysis;

namespace QuyCheWorkflow.Functions.Links;

/// <summary>
/// The outcome of <see cref="LinkTokenService.Validate"/>. <see cref="Claims"/> is set when the signature
/// checked out (also for <see cref="LinkValidationStatus.Expired"/> and
/// <see cref="LinkValidationStatus.ContextMismatch"/>, so a page can say what the link was for), and null otherwise.
/// </summary>
public sealed record LinkValidationResult(LinkValidationStatus Status, LinkClaims? Claims)
{
    [MemberNotNullWhen(true, nameof(Claims))]
    public bool IsValid => Status == LinkValidationStatus.Valid;
}
