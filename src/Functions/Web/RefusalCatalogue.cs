using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// The Vietnamese wording of the domain's refusals — each <see cref="RefusalCode"/>, and a refused transition by its
/// action, subject and state, with the next step of a regulation's stage — shared by
/// the API's problem details and the pages. A refusal about one input names that input's field, so a form can show
/// the sentence beside it; the domain's English message stays for logs.
/// </summary>
public static class RefusalCatalogue
{
    private static readonly Dictionary<string, string> s_actions = new(StringComparer.Ordinal)
    {
        ["answer the consultation"] = "gửi ý kiến góp ý",
        ["apply a review"] = "ghi nhận kết quả rà soát",
        ["record a review"] = "ghi nhận kết quả rà soát",
        ["record the review"] = "ghi nhận kết quả rà soát",
        ["apply the filing acknowledgement"] = "ghi nhận cấp trên đã tiếp nhận",
        ["apply the filing return"] = "ghi nhận cấp trên trả lại",
        ["apply the vote result"] = "ghi nhận kết quả biểu quyết",
        ["be superseded"] = "thay thế quy chế này",
        ["cast a ballot"] = "biểu quyết",
        ["extend the deadline"] = "gia hạn biểu quyết",
        ["extend the vote deadline"] = "gia hạn biểu quyết",
        ["file with the upper level"] = "gửi quy chế lên cấp trên",
        ["issue"] = "ban hành",
        ["open a consultation"] = "lấy ý kiến góp ý",
        ["record an in-person result"] = "ghi nhận kết quả biểu quyết tại cuộc họp",
        ["replace a member"] = "thay ủy viên",
        ["resolve a comment"] = "tiếp thu, giải trình ý kiến",
        ["start a vote"] = "đưa dự thảo ra Ban Thường vụ biểu quyết",
        ["start another amendment"] = "bắt đầu một đợt sửa đổi, bổ sung khác",
        ["start resolving comments"] = "bắt đầu tiếp thu, giải trình",
        ["upload a draft"] = "tải lên dự thảo",
    };

    private static readonly Dictionary<string, string> s_subjects = new(StringComparer.Ordinal)
    {
        ["regulation"] = "quy chế",
        ["amendment"] = "đợt sửa đổi, bổ sung",
        ["consultation round"] = "đợt lấy ý kiến",
        ["vote round"] = "đợt biểu quyết",
        ["periodic review"] = "đợt rà soát",
        ["filing"] = "hồ sơ gửi cấp trên",
    };

    private static readonly Dictionary<string, string> s_states = new(StringComparer.Ordinal)
    {
        ["Open"] = "đang mở",
        ["Closed"] = "đã kết thúc",
        ["ExpiredUndecided"] = "đã hết hạn mà chưa có kết quả",
        ["Passed"] = "đã thông qua",
        ["Failed"] = "không được thông qua",
        ["Sent"] = "đã gửi, chờ cấp trên tiếp nhận",
        ["Acknowledged"] = "đã được cấp trên tiếp nhận",
        ["Returned"] = "đã bị cấp trên trả lại",
        ["Scheduled"] = "đang chờ ghi nhận",
        ["Recorded"] = "đã được ghi nhận",
        ["InProgress"] = "đang thực hiện",
        ["Abandoned"] = "đã dừng",
    };

    /// <summary>The field and the sentence for <paramref name="refusal"/>; null when the catalogue has no wording for it.</summary>
    public static RefusalText? Describe(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (refusal is InvalidTransitionException transition)
        {
            return Transition(transition);
        }

        if (refusal is Domain.Consultations.UnresolvedCommentsException unresolved)
        {
            return new(null, string.Create(CultureInfo.InvariantCulture,
                $"Còn {unresolved.UnresolvedCount}/{unresolved.TotalCount} ý kiến góp ý chưa được tiếp thu, giải trình; đề nghị giải trình hết rồi đưa dự thảo ra biểu quyết."));
        }

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
            RefusalCode.BallotReasonMissing => new("reason",
                "Khi chọn “Không đồng ý” hoặc “Ý kiến khác”, đề nghị đồng chí ghi lý do."),
            RefusalCode.ConsultationCommentMissing or RefusalCode.ConsultationAgreementWithComments => new("comments",
                "Đề nghị đồng chí chọn “Nhất trí, không có ý kiến khác”, hoặc chọn “Có ý kiến góp ý” và ghi ít nhất một ý kiến."),
            RefusalCode.FilingReturnReasonMissing => new("reasons",
                "Khi trả lại, đề nghị đồng chí ghi ít nhất một lý do, yêu cầu sửa đổi, bổ sung."),
            RefusalCode.RoundSuperseded => new(null,
                $"{Capitalised(s_subjects.GetValueOrDefault(facts.GetValueOrDefault("subject") ?? string.Empty) ?? "đợt")} này đã được thay thế bằng đợt, dự thảo hoặc văn bản mới hơn; nội dung gửi cho nó không được ghi nhận."),
            RefusalCode.MeetingDateOutsideRound => new(null,
                $"Ngày họp phải từ ngày mở biểu quyết ({PlainDate(facts, "openedOn")}) đến hôm nay ({PlainDate(facts, "today")})."),
            RefusalCode.MeetingVotesExceedMembers => new(null,
                $"Tổng số phiếu ({facts.GetValueOrDefault("votes")}) vượt quá số ủy viên của đợt biểu quyết ({facts.GetValueOrDefault("members")})."),
            RefusalCode.MeetingResultContradictsVotes => new(null,
                $"Kết quả không khớp số phiếu: theo nguyên tắc “{RuleDescription(facts)}”, cần {facts.GetValueOrDefault("required")}/{facts.GetValueOrDefault("members")} ủy viên đồng ý để thông qua; biên bản ghi {facts.GetValueOrDefault("agrees")} đồng ý."),
            RefusalCode.EmailAddressInvalid => new("email",
                $"Địa chỉ e-mail “{facts.GetValueOrDefault("email")}” không hợp lệ."),
            _ => null,
        };
    }

    /// <summary>"Chưa thể ban hành vì quy chế đang ở trạng thái “Đang dự thảo”. Việc tiếp theo: …" (null for a state or action it does not know).</summary>
    private static RefusalText? Transition(InvalidTransitionException transition)
    {
        if (!s_actions.TryGetValue(transition.Action, out var action) || !s_subjects.TryGetValue(transition.Subject, out var subject))
        {
            return null;
        }

        bool isStage = Enum.TryParse<RegulationStage>(transition.CurrentState, ignoreCase: false, out var stage) && Enum.IsDefined(stage);
        string? state = isStage ? RegulationStageText.Label(stage) : s_states.GetValueOrDefault(transition.CurrentState);
        if (state is null)
        {
            return null;
        }

        string next = isStage && transition.Subject is "regulation" or "amendment" ? NextStep(stage) : "";
        return new(null, $"Chưa thể {action} vì {subject} đang ở trạng thái “{state}”.{next}");
    }

    private static string NextStep(RegulationStage stage) => stage switch
    {
        RegulationStage.Drafting => " Việc tiếp theo: tải lên dự thảo, rồi lấy ý kiến góp ý.",
        RegulationStage.InConsultation => " Việc tiếp theo: chờ đợt lấy ý kiến kết thúc (đến hạn, hoặc khi mọi nơi đã trả lời).",
        RegulationStage.Resolving => " Việc tiếp theo: tiếp thu, giải trình mọi ý kiến, rồi đưa dự thảo ra Ban Thường vụ biểu quyết.",
        RegulationStage.InVote => " Việc tiếp theo: chờ kết quả biểu quyết, gia hạn, hoặc ghi nhận kết quả họp.",
        RegulationStage.Approved => " Việc tiếp theo: ban hành quy chế.",
        RegulationStage.Issued => " Việc tiếp theo: gửi quy chế lên cấp trên.",
        RegulationStage.Filed => " Việc tiếp theo: chờ cấp trên tiếp nhận.",
        RegulationStage.InForce => " Việc tiếp theo: rà soát định kỳ; sửa đổi, bổ sung bắt đầu từ kết quả rà soát.",
        _ => " Quy chế này đã hết hiệu lực.",
    };

    private static string Date(IReadOnlyDictionary<string, string> facts, string name) =>
        DateOnly.TryParseExact(facts.GetValueOrDefault(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? "ngày " + date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : facts.GetValueOrDefault(name) ?? string.Empty;

    /// <summary>"05/12/2026", without the "ngày" that <see cref="Date"/> puts before it.</summary>
    private static string PlainDate(IReadOnlyDictionary<string, string> facts, string name) =>
        DateOnly.TryParseExact(facts.GetValueOrDefault(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)
            : facts.GetValueOrDefault(name) ?? string.Empty;

    private static string RuleDescription(IReadOnlyDictionary<string, string> facts)
    {
        try
        {
            return Domain.Voting.DecisionRule.FromCode(facts.GetValueOrDefault("rule") ?? string.Empty).Description;
        }
        catch (ArgumentException)
        {
            return facts.GetValueOrDefault("rule") ?? string.Empty;
        }
    }

    private static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Term(IReadOnlyDictionary<string, string> facts) =>
        (facts.GetValueOrDefault("term") ?? string.Empty).Replace("–", " - ", StringComparison.Ordinal);
}
