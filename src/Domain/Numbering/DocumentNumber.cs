using System.Globalization;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Numbering;

/// <summary>
/// An issued document's number and symbol (<i>số, ký hiệu</i>), e.g. <c>05-QC/ĐU</c>: the number with at least
/// two digits (01..99, then 100, 101, ...), a hyphen, the document type code, a slash and the issuing
/// organisation's code.
/// </summary>
/// <param name="Number">Sequence number within (organisation, term, type), from 1.</param>
/// <param name="Type">Document type.</param>
/// <param name="OrganisationCode">Code of the issuing organisation.</param>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record DocumentNumber(int Number, DocumentType Type, OrganisationCode OrganisationCode)
{
    /// <summary>"05-QC/ĐU".</summary>
    public string Symbol => $"{FormatNumber(Number)}-{DocumentTypeCodes.Code(Type)}/{OrganisationCode}";

    /// <summary>The number with two digits minimum: 1 → "01", 99 → "99", 100 → "100".</summary>
    public static string FormatNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        return number.ToString("00", CultureInfo.InvariantCulture);
    }

    public override string ToString() => Symbol;
}
