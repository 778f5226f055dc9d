using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// A model regulation as the office API returns it: who published it for which type, its file (download at
/// <c>DownloadPath</c>) and SHA-256 (64 lower-case hex characters). <c>Id</c> is what a draft started from it
/// records as its source.
/// </summary>
public sealed record ModelRegulationResponse(
    string Id,
    string PublisherOrganisationId,
    OrganisationType Type,
    int Version,
    string Title,
    string Sha256,
    string FileName,
    string ContentType,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    string DownloadPath)
{
    /// <param name="model">The publication.</param>
    /// <param name="organisationId">The organisation it was asked for, which the download path goes through.</param>
    public static ModelRegulationResponse From(ModelRegulation model, string organisationId)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new(
            model.Id,
            model.PublisherOrganisationId,
            model.Type,
            model.Version,
            model.Title,
            model.ContentHash.ToString(),
            model.FileName,
            model.ContentType,
            model.PublishedBy,
            ApiInstant.Of(model.PublishedAt),
            $"/api/organisations/{Uri.EscapeDataString(organisationId)}/model-regulations/{model.Type}/file");
    }
}
