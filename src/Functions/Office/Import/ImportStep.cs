using Azure;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>One organisation of a validated import: its state after the import, the ETag it was read with, the audit action.</summary>
internal sealed record ImportStep(ImportChange Change, Organisation Organisation, ETag? ETag, string Action);
