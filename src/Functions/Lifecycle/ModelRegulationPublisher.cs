using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle.Tails;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>
/// Publishes a model regulation (<i>quy chế mẫu</i>) of one organisation type on an organisation, whoever asks (the
/// office API, the console): the file goes to the document store, the publication replaces the previous current
/// model of that organisation and type (kept as history) and is audited with its hash on the organisation's chain.
/// Publishing the same file, file name and title again changes nothing. Who may publish on which organisation, and
/// whether the file is an acceptable DOCX or PDF, is the caller's to decide. Singleton, thread-safe.
/// </summary>
public sealed class ModelRegulationPublisher(
    ModelRegulationStore models, DocumentStore documents, RegulationWorkflow workflow, TimeProvider timeProvider)
{
    private const int MaxAttempts = 5;

    /// <summary>
    /// Publishes <paramref name="content"/> as the model of <paramref name="type"/> of <paramref name="organisationId"/>.
    /// Safe to repeat: a publication equal to the current model is answered with that model and writes nothing.
    /// </summary>
    /// <returns>The model in effect afterwards: the new publication, or the equal current one.</returns>
    /// <exception cref="ConcurrencyConflictException">Other publications of the same type kept coming first.</exception>
    public async Task<ModelRegulation> PublishAsync(
        string organisationId, OrganisationType type, string title, ReadOnlyMemory<byte> content, string fileName, string contentType,
        Actor actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(actor);
        var hash = ContentHash.Of(content.Span);
        for (int attempt = 1; ; attempt++)
        {
            var current = await models.GetAsync(organisationId, type, cancellationToken);
            if (current?.Value is { } same && same.ContentHash == hash && same.Title == title && same.FileName == fileName)
            {
                return same;
            }

            ModelRegulation model = new(organisationId, type, (current?.Value.Version ?? 0) + 1, title, hash, fileName,
                contentType, actor.Display, timeProvider.GetUtcNow());
            await documents.UploadAsync(content, fileName, contentType, cancellationToken);
            var tail = workflow.Tail(organisationId, actor with { RequestId = null })
                .Create(new NewModelPublication(model))
                .Audit(organisationId, AuditAction.ModelRegulationPublished, [organisationId, model.Id, hash.ToString()],
                    new { type = model.Type.ToString(), model.Version, model.Title, model.FileName, bytes = content.Length });
            PendingTail written;
            try
            {
                written = await models.PublishAsync(model, current?.ETag ?? default, tail.Build(true), cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                continue;
            }

            await workflow.CompleteAsync(written, cancellationToken);
            return model;
        }
    }
}
