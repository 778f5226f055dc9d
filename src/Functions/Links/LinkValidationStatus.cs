namespace QuyCheWorkflow.Functions.Links;

public enum LinkValidationStatus
{
    Valid,

    /// <summary>Not a token of ours: wrong shape, bad base64url, unknown version or truncated payload.</summary>
    Malformed,

    /// <summary>Signed with a key id that is not (or no longer) configured.</summary>
    UnknownKey,

    BadSignature,

    Expired,

    /// <summary>Genuine and unexpired, but for another action, regulation, round or draft version.</summary>
    ContextMismatch,
}
