using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QuyCheWorkflow.Functions.Hosting;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Tests.CustomHandler;
using QuyCheWorkflow.Testing;

namespace QuyCheWorkflow.Functions.Tests.EndToEnd;

/// <summary>
/// What the end-to-end tests share: the whole app started as a deployment runs it, and the personal links it e-mails.
/// </summary>
internal static partial class EndToEndApp
{
    /// <summary>How long a test waits for an e-mail the app sends in the background.</summary>
    public static readonly TimeSpan MailWait = TimeSpan.FromSeconds(90);

    /// <summary>
    /// The app listening on a port chosen before it starts (the links it mails point at it), on the assembly's Azurite
    /// (tables, documents container and task hub named after <paramref name="unique"/>, so nothing is shared with other
    /// tests) and maildev, with <paramref name="clock"/> as its time; <paramref name="settings"/> adds to or overrides
    /// those settings.
    /// </summary>
    public static Task<TestApp> StartAsync(
        string unique, TimeProvider clock, AzuriteFixture azurite, MaildevFixture maildev, IReadOnlyDictionary<string, string?>? settings = null)
    {
        string baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [AppSettings.Url] = baseUrl,
            [AppSettings.LinksBaseUrl] = baseUrl,
            [AppSettings.StorageConnectionString] = azurite.ConnectionString,
            [AppSettings.DurableTaskHubName] = unique,
            ["Mail:Smtp:Port"] = maildev.Maildev.SmtpPort.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        return TestApp.StartAsync(all, services =>
        {
            services.Replace(ServiceDescriptor.Singleton(clock));
            services.Configure<StateOptions>(o =>
            {
                o.TablePrefix = unique;
                o.DocumentsContainer = "documents-" + unique;
            });
        });
    }

    /// <summary>
    /// The personal link of the newest e-mail to <paramref name="recipient"/> whose subject starts with
    /// <paramref name="subjectStart"/>, waiting up to <see cref="MailWait"/> for it.
    /// </summary>
    public static async Task<string> PersonalLinkAsync(MaildevInstance maildev, string recipient, string subjectStart, CancellationToken cancellationToken)
    {
        var email = await maildev.WaitForEmailAsync(
            recipient, e => e.Subject.StartsWith(subjectStart, StringComparison.Ordinal) && e.Text is not null && PersonalLink().IsMatch(e.Text),
            MailWait, cancellationToken);
        return PersonalLink().Match(email.Text!).Value;
    }

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/l/[A-Za-z0-9_\-\.]+")]
    private static partial Regex PersonalLink();
}
