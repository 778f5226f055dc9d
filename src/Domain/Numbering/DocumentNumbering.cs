using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Numbering;

/// <summary>
/// Numbering rule: numbers run per (issuing organisation, term, document type), start at 01 in every term,
/// and the next number is one more than the highest already used; gaps (a number reserved then not used)
/// are never filled, so a number is never given twice. Pure: the app supplies the numbers used so far and
/// must make the reservation atomic (e.g. a conditional insert keyed by the symbol).
/// </summary>
public static class DocumentNumbering
{
    /// <summary>The next number for <paramref name="organisationId"/>, <paramref name="term"/> and <paramref name="type"/>.</summary>
    public static int Next(IEnumerable<NumberRegistration> alreadyUsed, string organisationId, Term term, DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(alreadyUsed);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        return alreadyUsed
            .Where(r => r.OrganisationId == organisationId && r.Term == term && r.Type == type)
            .Select(r => r.Number)
            .DefaultIfEmpty(0)
            .Max() + 1;
    }

    /// <summary>The next full number and symbol for <paramref name="organisation"/> in its current term.</summary>
    public static DocumentNumber NextFor(IEnumerable<NumberRegistration> alreadyUsed, Organisation organisation, DocumentType type)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        int next = Next(alreadyUsed, organisation.Id, organisation.CurrentTerm, type);
        return new DocumentNumber(next, type, organisation.Code);
    }
}
