using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Tests.Campaigns;

/// <summary>Campaigns started for tests through the app's own <see cref="CampaignWorkflow"/>, as an upper-level office.</summary>
internal static class CampaignSeeds
{
    private static readonly Actor s_clerk = new("acc-1", "Trần Văn Khối", "console");

    /// <summary>The upper-level office of <paramref name="organisationId"/>, as the API and the console sign it in.</summary>
    public static ClaimsPrincipal UpperLevelOffice(string organisationId) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, "k"),
        new Claim(QuyCheWorkflowClaimTypes.Role, nameof(ApiRole.UpperLevelOffice)),
        new Claim(QuyCheWorkflowClaimTypes.Organisation, organisationId),
    ], "test", ClaimTypes.NameIdentifier, QuyCheWorkflowClaimTypes.Role));

    /// <summary>Starts an issue-for-the-term campaign of <paramref name="office"/> with a directing document and returns it.</summary>
    public static async Task<Campaign> StartAsync(IServiceProvider services, string office, string id, string title, DateOnly deadline,
        CancellationToken cancellationToken)
    {
        var campaign = await services.GetRequiredService<CampaignWorkflow>().StartAsync(UpperLevelOffice(office), s_clerk, new StartCampaign(
            id, office, title, new CampaignRequirement(CampaignRequirementKind.IssueForCurrentTerm), deadline, [],
            deadline.AddMonths(1), new DirectingDocument("125-CV/ĐUK", new DateOnly(2026, 10, 10))), cancellationToken);
        return campaign ?? throw new InvalidOperationException($"'{office}' could not start a campaign.");
    }
}
