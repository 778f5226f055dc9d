using System.Text.Json.Serialization;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Voting;

namespace QuyCheWorkflow.Functions.Lifecycle.Tails;

/// <summary>A row a command creates besides the one it wrote its tail into; created unless it exists.</summary>
// WARNING: stored as JSON in table rows until carried out; the discriminators are stored names.
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(NewConsultationRound), "consultation-round")]
[JsonDerivedType(typeof(NewVoteRound), "vote-round")]
[JsonDerivedType(typeof(NewFiling), "filing")]
[JsonDerivedType(typeof(NewResolutionSheet), "resolution-sheet")]
[JsonDerivedType(typeof(NewModelPublication), "model-publication")]
public abstract record TailRow;

/// <summary>A consultation round opened by the command, with its recipients' contact details.</summary>
public sealed record NewConsultationRound(ConsultationRoundState Round, IReadOnlyList<ConsultationRecipient> Recipients) : TailRow;

/// <summary>A vote round opened by the command.</summary>
public sealed record NewVoteRound(VoteRoundState Round) : TailRow;

/// <summary>A filing sent by the command.</summary>
public sealed record NewFiling(FilingState Filing) : TailRow;

/// <summary>The resolution sheet of a consultation round that closed.</summary>
public sealed record NewResolutionSheet(string RegulationId, string RoundId, ResolutionSheetState Sheet) : TailRow;

/// <summary>A model regulation's publication, recorded in its type's history.</summary>
public sealed record NewModelPublication(QuyCheWorkflow.Functions.State.ModelRegulation Model) : TailRow;
