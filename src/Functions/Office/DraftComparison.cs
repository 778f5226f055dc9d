using QuyCheWorkflow.Domain.Documents;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>A draft compared with the text it is measured against.</summary>
/// <param name="Source">What it was compared with: <see cref="DraftOrigin.PreviousTerm"/> or <see cref="DraftOrigin.Model"/>.</param>
/// <param name="Comparison">The figures; null when the draft has no text to compare (a scanned PDF).</param>
public sealed record DraftComparison(DraftOrigin Source, RegulationComparison? Comparison);
