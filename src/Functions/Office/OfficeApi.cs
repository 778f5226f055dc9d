using Microsoft.Extensions.Options;
using QuyCheWorkflow.Functions.ApiReference;
using QuyCheWorkflow.Functions.Office.Import;
using Scalar.AspNetCore;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// The office API's services and endpoints, its OpenAPI document at <see cref="OpenApiPath"/> and a readable
/// reference built from it at <see cref="ReferencePath"/> (Scalar, its script served by the app itself).
/// </summary>
public static class OfficeApi
{
    public const string OpenApiPath = "/api/openapi.json";
    public const string ReferencePath = "/api/docs";

    public static IServiceCollection AddQuyCheWorkflowOffice(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OfficeApiOptions>()
            .Bind(configuration.GetSection(OfficeApiOptions.SectionName))
            .Validate(o => o.MaxUploadBytes is > 0 and <= 200L * 1024 * 1024, "Office:MaxUploadBytes must be between 1 and 209715200.")
            .Validate(o => o.MaxImportRows is > 0 and <= 100_000, "Office:MaxImportRows must be between 1 and 100000.")
            .ValidateOnStart();
        services.AddSingleton<RegulationsApi.Commands>();
        services.AddSingleton<OrganisationImporter>();
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiDocumentTransformer>();
        });
        return services;
    }

    public static IEndpointRouteBuilder MapOfficeApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<OfficeApiOptions>>().Value;
        endpoints.MapOrganisationsApi();
        endpoints.MapOrganisationImportApi(options.MaxUploadBytes);
        endpoints.MapRegulationsApi(options.MaxUploadBytes);
        endpoints.MapConsultationRoundsApi();
        endpoints.MapModelRegulationsApi(options.MaxUploadBytes);
        Campaigns.CampaignsApi.MapCampaignsApi(endpoints);
        endpoints.MapOpenApi(OpenApiPath);
        endpoints.MapScalarApiReference(ReferencePath, reference => reference
            .WithTitle("QuyCheWorkflow API")
            .WithOpenApiRoutePattern(OpenApiPath)
            .WithNonce()
            .DisableDefaultFonts()
            .HideDeveloperTools()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp());
        return endpoints;
    }
}
