namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// An organisation changed between the validation of an import and its write (a concurrent caller): the steps
/// before it are written, the rest are not. Importing the same file again completes it.
/// </summary>
internal sealed class ImportInterruptedException(int written, string organisationId, Exception inner)
    : Exception($"Import stopped at '{organisationId}' after {written} writes.", inner)
{
    public int Written { get; } = written;

    public string OrganisationId { get; } = organisationId;
}
