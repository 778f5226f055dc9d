using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Links;

public static class LinksServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LinkTokenService"/> and <see cref="LinkBuilder"/> bound to the <c>Links</c>
    /// section, validated at start-up, and <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowLinks(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LinkOptions>().Bind(configuration.GetSection(LinkOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LinkOptions>, LinkOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LinkTokenService>();
        services.TryAddSingleton<LinkBuilder>();
        return services;
    }
}
