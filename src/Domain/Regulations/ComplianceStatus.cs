namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Whether an organisation has the working regulation it owes for its current term.</summary>
public enum ComplianceStatus
{
    /// <summary>No regulation for the current term has been started.</summary>
    Missing,

    /// <summary>One is being drafted, consulted or voted on, but none is issued: still counts as missing.</summary>
    InPreparation,

    /// <summary>A regulation for the current term is in force and its review is not overdue.</summary>
    InForce,

    /// <summary>A regulation for the current term is in force but its periodic review is overdue.</summary>
    ReviewOverdue,
}
