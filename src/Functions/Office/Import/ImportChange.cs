namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>What an import does to one organisation.</summary>
internal enum ImportChange
{
    Create,
    Update,
    Unchanged,
}
