using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.OfficeConsole.Regulations;

public static partial class RegulationConsolePages
{
    public static async Task<IResult> ShowHome(HttpContext context, LifecycleStores stores, StatusProjection projection, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (SignedIn(context, out var denied) is not { } user)
        {
            return denied!;
        }

        List<HomeOrganisation> organisations = [];
        if (user.Role != ApiRole.Administrator && await HomeReader.ReadAsync(user.OrganisationId, stores, projection, timeProvider, cancellationToken) is { } own)
        {
            organisations.Add(own);
        }

        return Page<ConsoleHomePage>(context, StatusCodes.Status200OK, new()
        {
            [nameof(ConsoleHomePage.User)] = user,
            [nameof(ConsoleHomePage.Organisations)] = organisations,
        });
    }
}
