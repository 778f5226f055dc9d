using Azure;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// One organisation of a validated import: its state after the import, the ETag it was read with, and whether the
/// import replaces its standing committee (a committee file) or its other fields (an organisation file).
/// </summary>
internal sealed record ImportStep(ImportChange Change, Organisation Organisation, ETag? ETag, bool ReplacesCommittee = false);
