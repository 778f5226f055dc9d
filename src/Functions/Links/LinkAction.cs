namespace QuyCheWorkflow.Functions.Links;

/// <summary>What a personal link lets its recipient do.</summary>
/// <remarks>WARNING: the numeric values are written into issued tokens; never renumber them.</remarks>
public enum LinkAction
{
    Vote = 1,
    Consultation = 2,
    FilingAcknowledgement = 3,
}
