using System.Globalization;
using QuyCheWorkflow.Domain;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// The Vietnamese wording of the domain's coded refusals, one sentence per <see cref="RefusalCode"/>, shared by
/// the API's problem details and the pages. A refusal about one input names that input's field, so a form can show
/// the sentence beside it; the domain's English message stays for logs.
/// </summary>
public static class RefusalCatalogue
{
    /// <summary>The field and the sentence for <paramref name="refusal"/>; null when it carries no code.</summary>
    public static RefusalText? Describe(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var facts = refusal.Facts;
        return refusal.Code switch
        {
            RefusalCode.IssueDateBeforeApproval => new("issueDate",
                $"Ngày ban hành {Date(facts, "issueDate")} sớm hơn ngày Ban Thường vụ thông qua dự thảo ({Date(facts, "approvedOn")}); đề nghị chọn ngày từ {Date(facts, "approvedOn")} đến hôm nay."),
            RefusalCode.IssueDateInFuture => new("issueDate",
                $"Ngày ban hành {Date(facts, "issueDate")} chưa đến (hôm nay là {Date(facts, "today")}); chỉ ghi nhận văn bản đã ký ban hành."),
            RefusalCode.IssueDateOutsideTerm => new("issueDate",
                $"Ngày ban hành {Date(facts, "issueDate")} nằm ngoài nhiệm kỳ {Term(facts)} của quy chế."),
            RefusalCode.SignerNotOnCommittee => new("signerMemberId",
                $"“{facts.GetValueOrDefault("signer")}” không có trong Ban Thường vụ; người ký phải là Bí thư hoặc Phó Bí thư của cấp ủy."),
            RefusalCode.SignerCannotSign => new("signerMemberId",
                $"Đồng chí {facts.GetValueOrDefault("signer")} là Ủy viên Ban Thường vụ, không ký thay mặt Ban Thường vụ; đề nghị chọn Bí thư hoặc Phó Bí thư."),
            RefusalCode.ReviewDateInFuture => new("meetingDate",
                $"Ngày họp rà soát {Date(facts, "meetingDate")} chưa đến (hôm nay là {Date(facts, "today")}); đề nghị ghi nhận sau khi đã họp."),
            RefusalCode.ReviewDateTooEarly => new("meetingDate",
                $"Ngày họp rà soát {Date(facts, "meetingDate")} sớm hơn lần rà soát trước hoặc ngày ban hành ({Date(facts, "earliest")})."),
            RefusalCode.ReviewAmendBeforeAcknowledgement => new(null,
                "Cấp trên chưa xác nhận tiếp nhận quy chế, nên chưa thể bắt đầu sửa đổi, bổ sung từ kết quả rà soát; có thể ghi nhận rà soát với kết quả giữ nguyên, rồi sửa đổi sau khi cấp trên tiếp nhận."),
            _ => null,
        };
    }

    private static string Date(IReadOnlyDictionary<string, string> facts, string name) =>
        DateOnly.TryParseExact(facts.GetValueOrDefault(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? "ngày " + date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : facts.GetValueOrDefault(name) ?? string.Empty;

    private static string Term(IReadOnlyDictionary<string, string> facts) =>
        (facts.GetValueOrDefault("term") ?? string.Empty).Replace("–", " - ", StringComparison.Ordinal);
}
