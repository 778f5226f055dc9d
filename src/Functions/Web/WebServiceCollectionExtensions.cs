using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace QuyCheWorkflow.Functions.Web;

public static class WebServiceCollectionExtensions
{
    public const string AntiforgeryCookieName = "qcw-af";
    public const string AntiforgeryFieldName = "__qcw_af";

    /// <summary>Services for the people-facing pages: static Razor rendering, antiforgery, problem details.</summary>
    public static IServiceCollection AddQuyCheWorkflowWeb(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRazorComponents();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.FormFieldName = AntiforgeryFieldName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddProblemDetails();
        // Vietnamese text goes out as UTF-8 characters, not as numeric entities; markup characters stay encoded.
        services.AddWebEncoders(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
