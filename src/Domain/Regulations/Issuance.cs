using QuyCheWorkflow.Domain.Numbering;

namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>
/// The issuance (<i>ban hành</i>) of a regulation or of an amendment to it: number and symbol, signer, issue
/// date and the final immutable document. <see cref="SupersedesRegulationId"/> names the regulation this one
/// repeals and replaces (<i>bãi bỏ</i>), usually the previous term's; that regulation moves to
/// <see cref="RegulationStage.Superseded"/>.
/// </summary>
/// <param name="RegulationId">The regulation issued.</param>
/// <param name="Number">Number and symbol, from <see cref="DocumentNumbering"/>.</param>
/// <param name="Signer">Who signed.</param>
/// <param name="IssueDate">Date printed on the document (Vietnam calendar).</param>
/// <param name="FinalDocumentHash">SHA-256 of the signed final document.</param>
/// <param name="SupersedesRegulationId">The regulation replaced, or null.</param>
/// <param name="RecordedBy">Who recorded the issuance.</param>
/// <param name="RecordedAt">When.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record Issuance(
    string RegulationId,
    DocumentNumber Number,
    Signer Signer,
    DateOnly IssueDate,
    ContentHash FinalDocumentHash,
    string? SupersedesRegulationId,
    string RecordedBy,
    DateTimeOffset RecordedAt);
