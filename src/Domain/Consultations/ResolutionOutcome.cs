namespace QuyCheWorkflow.Domain.Consultations;

/// <summary>How the office handled a comment (<i>tiếp thu, giải trình</i>). Every outcome needs an explanation.</summary>
public enum ResolutionOutcome
{
    /// <summary>Tiếp thu: the draft was changed as asked.</summary>
    Accepted,

    /// <summary>Tiếp thu một phần: changed in part.</summary>
    PartlyAccepted,

    /// <summary>Không tiếp thu (giải trình): not changed, with the reason.</summary>
    NotAccepted,
}
