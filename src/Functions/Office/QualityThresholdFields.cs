using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>Reads the <c>qualityThresholds</c> of an organisation request, each refusal in Vietnamese beside its field.</summary>
internal static class QualityThresholdFields
{
    public static QualityThresholdChanges? Read(QualityThresholdsRequest request, string field, Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        if (request.Clear)
        {
            if (request.CopiedFromPreviousTermPercent is not null || request.FormalResponseRatePercent is not null || request.FormalBareAgreementPercent is not null)
            {
                errors[field + ".clear"] = ["Khi bỏ thiết lập (clear) thì không gửi kèm ngưỡng nào."];
                return null;
            }

            return new QualityThresholdChanges(Clear: true);
        }

        var copied = Percent(request.CopiedFromPreviousTermPercent, field + ".copiedFromPreviousTermPercent", errors);
        var responseRate = Percent(request.FormalResponseRatePercent, field + ".formalResponseRatePercent", errors);
        var bare = Percent(request.FormalBareAgreementPercent, field + ".formalBareAgreementPercent", errors);
        return new QualityThresholdChanges(copied, responseRate, bare);
    }

    private static int? Percent(int? value, string field, Dictionary<string, string[]> errors)
    {
        if (value is { } percent && !QualityThresholds.IsPercent(percent))
        {
            errors[field] = ["Ngưỡng là một số phần trăm nguyên từ 1 đến 100."];
            return null;
        }

        return value;
    }
}
