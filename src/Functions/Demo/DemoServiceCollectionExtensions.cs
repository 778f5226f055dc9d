using Microsoft.Extensions.DependencyInjection.Extensions;
using QuyCheWorkflow.Functions.Hosting;

namespace QuyCheWorkflow.Functions.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Registers the demo seeder; it runs at start only when <c>Demo:Seed</c> is true.</summary>
    public static IServiceCollection AddQuyCheWorkflowDemo(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.TryAddSingleton<DemoSeeder>();
        if (configuration.GetValue<bool>(AppSettings.DemoSeed))
        {
            services.AddHostedService<DemoSeedService>();
        }

        return services;
    }
}
