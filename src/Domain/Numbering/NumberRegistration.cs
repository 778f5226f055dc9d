using QuyCheWorkflow.Domain.Organisations;

namespace QuyCheWorkflow.Domain.Numbering;

/// <summary>A number already used by an issued document: the input of <see cref="DocumentNumbering"/>.</summary>
public sealed record NumberRegistration(string OrganisationId, Term Term, DocumentType Type, int Number);
