using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>The regulation a step page is about, as read when the page was asked for, with its organisation.</summary>
public sealed record DecisionSubject(Organisation Organisation, Regulation Regulation, StepHeader Header)
{
    public string OrganisationId => Organisation.Id;

    public string RegulationId => Regulation.Id;
}
