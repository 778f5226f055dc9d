using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QuyCheWorkflow.Functions.Mail;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MailSender"/> with the transport named by <c>Mail:Transport</c> (SendGrid's over a named
    /// <see cref="HttpClient"/> with its resilience pipeline), options bound to the <c>Mail</c> section and validated
    /// at start-up, and <see cref="TimeProvider.System"/> unless a clock is already registered.
    /// </summary>
    public static IServiceCollection AddQuyCheWorkflowMail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MailOptions>().Bind(configuration.GetSection(MailOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MailOptions>, MailOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The resilience pipeline times each attempt and the whole send; HttpClient's own timeout would cut across both.
        services.AddHttpClient(SendGridMailTransport.HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler(SendGridResilience.PipelineName, SendGridResilience.Configure);
        services.TryAddSingleton<SmtpMailTransport>();
        services.TryAddSingleton<SendGridMailTransport>();
        services.TryAddSingleton<IMailTransport>(provider =>
            provider.GetRequiredService<IOptions<MailOptions>>().Value.Transport switch
            {
                MailTransportKind.SendGrid => provider.GetRequiredService<SendGridMailTransport>(),
                _ => provider.GetRequiredService<SmtpMailTransport>(),
            });
        services.TryAddSingleton<MailSender>();
        return services;
    }
}
