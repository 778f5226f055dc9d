using QuyCheWorkflow.Domain.Numbering;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>What an issue would give now (<see cref="RegulationWorkflow.PreviewIssueAsync"/>); nothing is reserved.</summary>
/// <param name="Number">The number and symbol the register would give, e.g. "05-QC/ĐU".</param>
/// <param name="Signer">The signing block of the chosen member.</param>
/// <param name="ApprovedOn">The day the standing committee approved the text (the earliest issue date).</param>
/// <param name="Superseded">The regulation the issue would supersede (it ends on the issue date), or null.</param>
public sealed record IssuePreview(DocumentNumber Number, Signer Signer, DateOnly ApprovedOn, RegulationState? Superseded = null);
