using QuyCheWorkflow.Functions.OfficeConsole.Decisions;

namespace QuyCheWorkflow.Functions.OfficeConsole;

/// <summary>The office console's pages: each area maps its own under <see cref="ConsolePaths.Root"/>.</summary>
public static class ConsoleEndpoints
{
    public static IEndpointRouteBuilder MapOfficeConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapDecisionConsolePages();
        Regulations.RegulationConsolePages.MapRegulationConsolePages(endpoints);
        return endpoints;
    }
}
