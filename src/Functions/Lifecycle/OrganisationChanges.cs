using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// What <see cref="OrganisationWorkflow.UpdateAsync"/> changes of an organisation: a field left null stays as it is.
/// The office mailbox and the committee's own name can also be cleared, so they change only when
/// <see cref="ChangesOfficeEmail"/> or <see cref="ChangesCommitteeName"/> is set.
/// </summary>
public sealed record OrganisationChanges
{
    /// <summary>The new full name, or null to keep it.</summary>
    public string? Name { get; init; }

    /// <summary>The new code used in document symbols, or null to keep it.</summary>
    public OrganisationCode? Code { get; init; }

    /// <summary>The new kind of organisation, or null to keep it.</summary>
    public OrganisationType? Type { get; init; }

    /// <summary>True to set the office mailbox to <see cref="OfficeEmail"/> (null clears it).</summary>
    public bool ChangesOfficeEmail { get; init; }

    /// <summary>The new office mailbox, when <see cref="ChangesOfficeEmail"/> is set.</summary>
    public string? OfficeEmail { get; init; }

    /// <summary>True to set the committee's name to <see cref="CommitteeName"/> (null: it follows the name again).</summary>
    public bool ChangesCommitteeName { get; init; }

    /// <summary>The committee's own name, when <see cref="ChangesCommitteeName"/> is set.</summary>
    public string? CommitteeName { get; init; }

    /// <summary>
    /// The thresholds this organisation sets for those below it (<see cref="Organisation.QualityThresholds"/>): each
    /// figure given replaces the current one (the default when none was set); null keeps it.
    /// </summary>
    public QualityThresholdChanges? QualityThresholds { get; init; }

    /// <summary>The organisation with these changes made.</summary>
    public Organisation ApplyTo(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var changed = organisation with
        {
            Name = Name ?? organisation.Name,
            Code = Code ?? organisation.Code,
            Type = Type ?? organisation.Type,
            OfficeEmail = ChangesOfficeEmail ? OfficeEmail : organisation.OfficeEmail,
            QualityThresholds = QualityThresholds is { } thresholds ? thresholds.ApplyTo(organisation.QualityThresholds) : organisation.QualityThresholds,
        };
        return ChangesCommitteeName ? changed with { CommitteeName = CommitteeName } : changed;
    }
}
