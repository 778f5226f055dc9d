namespace QuyCheWorkflow.Functions.Office;

/// <summary>Body of <c>POST .../comments/{commentId}/resolution</c>; outcome Accepted, PartlyAccepted or NotAccepted.</summary>
public sealed record ResolveCommentRequest(string? Outcome, string? Explanation);
