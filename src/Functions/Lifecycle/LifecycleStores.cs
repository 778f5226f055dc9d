using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>The state stores the lifecycle commands write, handed over as one.</summary>
public sealed record LifecycleStores(
    OrganisationStore Organisations,
    RegulationStore Regulations,
    ConsultationStore Consultations,
    ConsultationRecipientStore Recipients,
    VoteRoundStore Votes,
    FilingStore Filings,
    ReviewStore Reviews,
    DocumentStore Documents,
    DocumentNumberRegistry Numbers,
    AuditLog Audit,
    StatusProjection Status,
    RegulationIndex Index,
    ModelRegulationStore Models,
    PendingTails Tails,
    RequestLog Requests);
