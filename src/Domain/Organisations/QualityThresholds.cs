namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// What an upper level counts as copying and as consulting for form in the organisations below it (set on the
/// upper-level organisation, <see cref="Organisation.QualityThresholds"/>; the nearest upper level that set them
/// decides). Each figure is a whole percentage, 1–100. The defaults (<see cref="Default"/>): a draft or issued text
/// at least 90 % alike to the previous term's regulation is "copied" (a text that changed one word in ten has not
/// been revised for the new term); a consultation is "formal" when fewer than half of those asked answered, or when
/// at least 90 % of the answers are a bare "agree" with no comment.
/// </summary>
/// <param name="CopiedFromPreviousTermPercent">The least similarity to the previous term's regulation that counts as copied.</param>
/// <param name="FormalResponseRatePercent">A closed round with a response rate below this is formal.</param>
/// <param name="FormalBareAgreementPercent">A closed round whose bare agreements reach this share of the answers is formal.</param>
// WARNING: stored as JSON in the organisation's row; renaming a member breaks rows already stored.
public sealed record QualityThresholds(int CopiedFromPreviousTermPercent, int FormalResponseRatePercent, int FormalBareAgreementPercent)
{
    public const int DefaultCopiedFromPreviousTermPercent = 90;
    public const int DefaultFormalResponseRatePercent = 50;
    public const int DefaultFormalBareAgreementPercent = 90;

    /// <summary>The thresholds of an upper level that set none.</summary>
    public static QualityThresholds Default { get; } =
        new(DefaultCopiedFromPreviousTermPercent, DefaultFormalResponseRatePercent, DefaultFormalBareAgreementPercent);

    /// <summary>Whether <paramref name="value"/> can be a threshold: a whole percentage from 1 to 100.</summary>
    public static bool IsPercent(int value) => value is >= 1 and <= 100;

    /// <summary>True when every figure is a percentage from 1 to 100 (<see cref="IsPercent"/>).</summary>
    public bool IsValid => IsPercent(CopiedFromPreviousTermPercent) && IsPercent(FormalResponseRatePercent) && IsPercent(FormalBareAgreementPercent);
}
