namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>What became of a posted link form.</summary>
internal sealed record LinkSubmission
{
    private LinkSubmission(string? notice, OpenedLink? now, LinkFormError? formError)
    {
        Notice = notice;
        Now = now;
        FormError = formError;
    }

    /// <summary>What was recorded, said to the person; null when the form was refused.</summary>
    public string? Notice { get; }

    /// <summary>The link as it is after the command, when the command returned it; null: read it again.</summary>
    public OpenedLink? Now { get; }

    /// <summary>Why the form was not sent on; nothing was recorded.</summary>
    public LinkFormError? FormError { get; }

    public static LinkSubmission Recorded(string notice, OpenedLink? now = null) => new(notice, now, null);

    public static LinkSubmission Refused(LinkFormError error) => new(null, null, error ?? throw new ArgumentNullException(nameof(error)));
}
