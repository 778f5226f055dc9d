using QuyCheWorkflow.Functions.Office;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuyCheWorkflow.Functions.LinkPages;

public static class LinkPagesServiceCollectionExtensions
{
    /// <summary>Registers the page of each kind of personal link and the <see cref="LinkPages"/> that chooses among them.</summary>
    public static IServiceCollection AddQuyCheWorkflowLinkPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<DraftComparer>();
        services.TryAddSingleton<VoteLinkPage>();
        services.TryAddSingleton<ConsultationLinkPage>();
        services.TryAddSingleton<FilingLinkPage>();
        services.TryAddSingleton<LinkPages>();
        return services;
    }
}
