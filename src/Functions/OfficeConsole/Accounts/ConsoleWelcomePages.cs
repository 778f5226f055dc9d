using Microsoft.AspNetCore.Http.HttpResults;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// A plain page at <see cref="ConsolePaths.Home"/>, mapped with a later order than the default: when the console's
/// own home page is mapped at that address it wins the route, and this one is never chosen.
/// </summary>
public static class ConsoleWelcomePages
{
    public static IEndpointRouteBuilder MapConsoleWelcomePage(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.Home, ShowWelcome).WithOrder(1).ExcludeFromDescription();
        return endpoints;
    }

    public static IResult ShowWelcome(HttpContext context) =>
        ConsoleUser.From(context.User) is { } user
            ? new RazorComponentResult<ConsoleWelcomePage>(new Dictionary<string, object?> { [nameof(ConsoleWelcomePage.User)] = user })
            : TypedResults.Redirect(ConsolePaths.SignIn);
}
