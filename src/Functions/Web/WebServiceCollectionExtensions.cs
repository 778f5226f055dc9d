using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace QuyCheWorkflow.Functions.Web;

public static class WebServiceCollectionExtensions
{
    public const string AntiforgeryCookieName = "qcw-af";
    public const string AntiforgeryFieldName = "__qcw_af";

    /// <summary>JSON answers write every letter as itself (Vietnamese as UTF-8); only markup-sensitive characters are escaped.</summary>
    public static JavaScriptEncoder JsonTextEncoder { get; } = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>
    /// Services for the people-facing pages and the HTTP API: static Razor rendering, antiforgery, problem details
    /// (every one titled in Vietnamese, <see cref="FrameworkProblems"/>), and the JSON of every HTTP body with enums
    /// as their names (<c>"status": "Open"</c>), which is also how the OpenAPI document describes them. Stored
    /// state has its own options (<c>StateJson</c>) and is not affected.
    /// </summary>
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
        services.AddProblemDetails(options => options.CustomizeProblemDetails = FrameworkProblems.Translate);
        // Reading still accepts the names (in any case) and the numbers accepted before.
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            options.SerializerOptions.Encoder = JsonTextEncoder;
        });
        // Vietnamese text goes out as UTF-8 characters, not as numeric entities; markup characters stay encoded.
        services.AddWebEncoders(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return services;
    }
}
