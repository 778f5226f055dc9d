using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Functions.State;

/// <summary>
/// One publication of a model regulation (<i>quy chế mẫu</i>) by an upper-level organisation for one
/// organisation type; its file is in <see cref="DocumentStore"/> under <see cref="ContentHash"/>. Versions of one
/// publisher and type count 1, 2, 3, ...; the latest replaces the earlier ones, which stay as history.
/// </summary>
// WARNING: stored as JSON in table rows; renaming or removing a member breaks rows already stored.
public sealed record ModelRegulation(
    string PublisherOrganisationId,
    OrganisationType Type,
    int Version,
    string Title,
    ContentHash ContentHash,
    string FileName,
    string ContentType,
    string PublishedBy,
    DateTimeOffset PublishedAt)
{
    /// <summary>"publisher:Type:version", the source id a draft taken from this model records.</summary>
    public string Id => $"{PublisherOrganisationId}:{Type}:{Version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
}
