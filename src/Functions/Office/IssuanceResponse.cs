using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// An issuance as the office API returns it: the number and symbol as printed (<c>01-QC/ĐU</c>), the signer, the
/// issue date (Vietnam calendar) and the SHA-256 of the final document.
/// </summary>
public sealed record IssuanceResponse(
    string Number,
    SignerResponse Signer,
    DateOnly IssueDate,
    string FinalDocumentSha256,
    string? SupersedesRegulationId,
    string RecordedBy,
    DateTimeOffset RecordedAt)
{
    public static IssuanceResponse From(Issuance issuance)
    {
        ArgumentNullException.ThrowIfNull(issuance);
        return new(issuance.Number.Symbol, SignerResponse.From(issuance.Signer), issuance.IssueDate, issuance.FinalDocumentHash.ToString(),
            issuance.SupersedesRegulationId, issuance.RecordedBy, ApiInstant.Of(issuance.RecordedAt));
    }
}
