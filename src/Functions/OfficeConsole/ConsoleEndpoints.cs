using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.OfficeConsole.Campaigns;
using QuyCheWorkflow.Functions.OfficeConsole.Decisions;
using QuyCheWorkflow.Functions.OfficeConsole.Organisations;
using QuyCheWorkflow.Functions.OfficeConsole.Regulations;
using QuyCheWorkflow.Functions.OfficeConsole.UpperLevel;
using QuyCheWorkflow.Functions.OfficeConsole.Comparison;

namespace QuyCheWorkflow.Functions.OfficeConsole;

/// <summary>The office console's pages: each area maps its own under <see cref="ConsolePaths.Root"/>.</summary>
public static class ConsoleEndpoints
{
    /// <summary>
    /// Maps the console. Only signing in is open to anyone; every other page is mapped on <c>pages</c>, a group
    /// that requires a console session (<see cref="ConsoleAuthentication.Policy"/>: the session cookie, never an API
    /// key), so a person who is not signed in is sent to the sign-in page and comes back after it. Areas map their
    /// pages with full <see cref="ConsolePaths"/> on that group: <c>pages.MapXxxConsolePages();</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapOfficeConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapConsoleSignInPages();

        var pages = endpoints.MapGroup(string.Empty).RequireAuthorization(ConsoleAuthentication.Policy);
        pages.MapConsoleSignOut();
        pages.MapOrganisationConsolePages();
        pages.MapUpperLevelConsolePages();
        pages.MapRegulationConsolePages();
        pages.MapAccountConsolePages();
        Status.DashboardPages.MapDashboardConsolePages(pages);
        pages.MapDecisionConsolePages();
        pages.MapComparisonConsolePages();
        pages.MapCampaignConsolePages();
        return endpoints;
    }
}
