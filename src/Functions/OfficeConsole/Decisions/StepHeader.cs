namespace QuyCheWorkflow.Functions.OfficeConsole.Decisions;

/// <summary>What every step page shows above its form.</summary>
/// <param name="StepTitle">The step, e.g. "Đưa dự thảo ra Ban Thường vụ biểu quyết".</param>
/// <param name="Explanation">One sentence saying what the step does.</param>
/// <param name="RegulationTitle">The regulation's title.</param>
/// <param name="StageLabel">Where the regulation stands, in Vietnamese.</param>
/// <param name="RegulationHref">The regulation's page.</param>
/// <param name="ActionHref">The step's own address (its form posts there).</param>
/// <param name="User">The signed-in person, for the console's layout.</param>
public sealed record StepHeader(string StepTitle, string Explanation, string RegulationTitle, string StageLabel, string RegulationHref, string ActionHref,
    ConsoleUser User);
