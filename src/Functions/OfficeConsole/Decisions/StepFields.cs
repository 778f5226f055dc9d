namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>Field names of the step forms that the API's requests do not have (theirs: <see cref="Office.RegulationFormFields"/>).</summary>
public static class StepFields
{
    /// <summary>The vote's deadline as a whole (its messages sit beside the date and time).</summary>
    public const string Deadline = "deadline";

    public const string DeadlineDate = "deadlineDate";
    public const string DeadlineTime = "deadlineTime";

    /// <summary>The query flag of the issue page's preview.</summary>
    public const string PreviewFlag = "xem-truoc";
}
