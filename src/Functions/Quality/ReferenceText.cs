using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Quality;

/// <summary>A text a regulation is compared with.</summary>
/// <param name="Origin"><see cref="DraftOrigin.PreviousTerm"/> or <see cref="DraftOrigin.Model"/>.</param>
/// <param name="Hash">Its file's content hash.</param>
/// <param name="SourceId">The previous term's regulation id, or the model's id (<c>publisher:Type:version</c>).</param>
/// <param name="Title">Its title, for pages.</param>
public sealed record ReferenceText(DraftOrigin Origin, ContentHash Hash, string SourceId, string Title);
