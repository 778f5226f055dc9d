using System.Globalization;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Regulations;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// The Vietnamese wording of the domain's refusals — each <see cref="RefusalCode"/> with its facts, a refused
/// transition by its action, subject and state, with the next step of a regulation's stage — shared by
/// the API's problem details and the pages. A refusal about one input names that input's field, so a form can show
/// the sentence beside it; the domain's English message stays for logs.
/// </summary>
public static class RefusalCatalogue
{
    private static readonly Dictionary<string, string> s_actions = new(StringComparer.Ordinal)
    {
        ["answer the consultation"] = "gửi ý kiến góp ý",
        ["acknowledge the filing"] = "xác nhận tiếp nhận quy chế",
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
        ["return the filing"] = "trả lại quy chế để sửa đổi, bổ sung",
        ["start a vote"] = "đưa dự thảo ra Ban Thường vụ biểu quyết",
        ["start another amendment"] = "bắt đầu một đợt sửa đổi, bổ sung khác",
        ["start resolving comments"] = "bắt đầu tiếp thu, giải trình",
        ["upload a draft"] = "tải lên dự thảo",
        ["close the campaign"] = "kết thúc đợt chỉ đạo",
    };

    private static readonly Dictionary<string, string> s_subjects = new(StringComparer.Ordinal)
    {
        ["regulation"] = "quy chế",
        ["amendment"] = "đợt sửa đổi, bổ sung",
        ["consultation round"] = "đợt lấy ý kiến",
        ["vote round"] = "đợt biểu quyết",
        ["periodic review"] = "đợt rà soát",
        ["filing"] = "hồ sơ gửi cấp trên",
        ["resolution sheet"] = "bảng tiếp thu, giải trình",
        ["campaign"] = "đợt chỉ đạo",
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

    /// <summary>
    /// Said of a refusal whose code has no sentence here; <c>RefusalCatalogueTests</c> fails for any such code, so
    /// people should never read it.
    /// </summary>
    public const string GeneralRefusal = "Yêu cầu không thực hiện được ở trạng thái hiện tại của hồ sơ.";

    /// <summary>The field and the sentence for <paramref name="refusal"/>, from its <see cref="DomainException.Code"/> and facts.</summary>
    public static RefusalText Describe(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return Sentence(refusal.Code, refusal.Facts) ?? new RefusalText(null, GeneralRefusal);
    }

    private static RefusalText? Sentence(RefusalCode code, IReadOnlyDictionary<string, string> facts)
    {
        string F(string name) => facts.GetValueOrDefault(name) ?? string.Empty;
        return code switch
        {
            RefusalCode.IssueDateBeforeApproval => new("issueDate",
                $"Ngày ban hành {Date(facts, "issueDate")} sớm hơn ngày Ban Thường vụ thông qua dự thảo ({Date(facts, "approvedOn")}); đề nghị chọn ngày từ {Date(facts, "approvedOn")} đến hôm nay."),
            RefusalCode.IssueDateInFuture => new("issueDate",
                $"Ngày ban hành {Date(facts, "issueDate")} chưa đến (hôm nay là {Date(facts, "today")}); chỉ ghi nhận văn bản đã ký ban hành."),
            RefusalCode.IssueDateOutsideTerm => new("issueDate",
                $"Ngày ban hành {Date(facts, "issueDate")} nằm ngoài nhiệm kỳ {Term(facts, "term")} của quy chế."),
            RefusalCode.SignerNotOnCommittee => new("signerMemberId",
                $"“{F("signer")}” không có trong Ban Thường vụ; người ký phải là Bí thư hoặc Phó Bí thư của cấp ủy."),
            RefusalCode.SignerCannotSign => new("signerMemberId",
                $"Đồng chí {F("signer")} là Ủy viên Ban Thường vụ, không ký thay mặt Ban Thường vụ; đề nghị chọn Bí thư hoặc Phó Bí thư."),
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
            RefusalCode.InvalidTransition => Transition(F("subject"), F("state"), F("action")),
            RefusalCode.UnresolvedComments => new(null,
                $"Còn {F("unresolved")}/{F("total")} ý kiến góp ý chưa được tiếp thu, giải trình; đề nghị giải trình hết rồi đưa dự thảo ra biểu quyết."),
            RefusalCode.StoredStateInconsistent => new(null,
                "Dữ liệu đã lưu của hồ sơ không nhất quán nên chưa xử lý được yêu cầu; đề nghị báo quản trị viên hệ thống."),
            RefusalCode.ObjectOfAnotherRegulation => new(null, $"“{F("objectId")}” không thuộc quy chế này."),
            RefusalCode.NotCurrentRound => new(null,
                $"“{F("given")}” không phải {s_subjects.GetValueOrDefault(F("what")) ?? "đợt"} hiện tại của quy chế; đề nghị tải lại để xem nội dung hiện tại."),
            RefusalCode.CommitteeEmpty => new(null, "Ban Thường vụ cần có ít nhất một ủy viên."),
            RefusalCode.CommitteeMemberRepeated => new(null,
                $"Mã ủy viên “{F("memberId")}” được ghi hai lần trong danh sách Ban Thường vụ; mỗi ủy viên chỉ ghi một lần."),
            RefusalCode.CommitteeSecretaryCount => new(null, F("secretaries") == "0"
                ? "Ban Thường vụ có đúng một Bí thư; danh sách gửi chưa có Bí thư."
                : $"Ban Thường vụ có đúng một Bí thư; danh sách gửi có {F("secretaries")} Bí thư."),
            RefusalCode.CommitteeMemberNotFound => new(null, $"Mã ủy viên “{F("memberId")}” không có trong Ban Thường vụ."),
            RefusalCode.CommitteeMemberAlreadyOn => new(null, $"Mã ủy viên “{F("memberId")}” đã có trong Ban Thường vụ."),
            RefusalCode.CommitteeReplacementSameMember => new(null, "Ủy viên mới phải có mã khác ủy viên được thay."),
            RefusalCode.CommitteeSecretarySeat => new(null, F("replacesSecretary") == "true"
                ? "Ban Thường vụ có đúng một Bí thư: người thay Bí thư phải có vai trò Bí thư."
                : $"Ban Thường vụ có đúng một Bí thư: người thay ủy viên “{F("memberId")}” không được có vai trò Bí thư."),
            RefusalCode.TermNotAfterCurrent => new(null,
                $"Nhiệm kỳ {Term(facts, "term")} không sau nhiệm kỳ hiện tại ({Term(facts, "currentTerm")}); nhiệm kỳ mới phải bắt đầu sau nhiệm kỳ hiện tại."),
            RefusalCode.OrganisationRepeated => new(null, $"Mã tổ chức “{F("organisationId")}” xuất hiện hai lần."),
            RefusalCode.OrganisationParentUnknown => new(null,
                $"Không tìm thấy tổ chức cấp trên “{F("parentId")}” của tổ chức “{F("organisationId")}”."),
            RefusalCode.OrganisationNotInTree => new(null, $"Không tìm thấy tổ chức “{F("organisationId")}”."),
            RefusalCode.OrganisationCycle => new(null,
                $"Quan hệ cấp trên bắt đầu từ tổ chức “{F("organisationId")}” tạo thành vòng khép kín; đề nghị kiểm tra lại tổ chức cấp trên."),
            RefusalCode.OrganisationIdTaken => new(null, $"Mã tổ chức “{F("organisationId")}” đã được dùng."),
            RefusalCode.ConsultationWithoutRecipients => new(null, "Cần ít nhất một cá nhân hoặc tổ chức được lấy ý kiến."),
            RefusalCode.ConsultationRecipientRepeated => new(null, "Mỗi cá nhân, tổ chức chỉ ghi một lần trong danh sách được lấy ý kiến."),
            RefusalCode.ConsultationDeadlineNotAfterOpening => new(null,
                $"Hạn góp ý ({Instant(facts, "deadline")}) phải sau thời điểm bắt đầu lấy ý kiến."),
            RefusalCode.CommentArticleInvalid => new(null, $"Số điều phải từ 1 trở lên; ý kiến ghi điều {F("article")}."),
            RefusalCode.NotConsultationRecipient => new(null,
                $"“{F("recipientId")}” không có trong danh sách được lấy ý kiến của đợt này."),
            RefusalCode.CommentNotInRound => new(null, $"Ý kiến “{F("commentId")}” không thuộc đợt lấy ý kiến này."),
            RefusalCode.DraftFileTypeUnsupported => new(null, "Dự thảo phải là tệp DOCX hoặc PDF."),
            RefusalCode.DraftSourceMismatch => new(null,
                "Nguồn của dự thảo không khớp với cách tạo dự thảo (tải lên, hay lấy từ quy chế mẫu hoặc quy chế nhiệm kỳ trước)."),
            RefusalCode.DraftNumberOutOfSequence => new(null, $"Dự thảo tiếp theo là dự thảo lần {F("expected")}, không phải lần {F("given")}."),
            RefusalCode.DraftNotLatest => new(null,
                $"Dự thảo lần {F("draftVersion")} không phải dự thảo mới nhất (lần {F("latest")}); đề nghị tải lại để xem dự thảo mới nhất."),
            RefusalCode.VoteDeadlineNotAfterOpening => new(null,
                $"Hạn biểu quyết ({Instant(facts, "deadline")}) phải sau thời điểm bắt đầu biểu quyết."),
            RefusalCode.VoteRoundMembersInvalid => new(null, "Đợt biểu quyết cần ít nhất một ủy viên, mỗi ủy viên chỉ ghi một lần."),
            RefusalCode.NotVoteRoundMember => new(null,
                $"Mã ủy viên “{F("memberId")}” không có trong danh sách biểu quyết của đợt này."),
            RefusalCode.AlreadyVoteRoundMember => new(null,
                $"Mã ủy viên “{F("memberId")}” đã có trong danh sách biểu quyết của đợt này."),
            RefusalCode.VoteDeadlineNotLater => new(null,
                $"Hạn mới ({Instant(facts, "deadline")}) phải muộn hơn hạn hiện tại ({Instant(facts, "currentDeadline")}) và muộn hơn thời điểm hiện tại."),
            RefusalCode.InPersonFailureWithoutReasons => new(null,
                "Khi ghi nhận dự thảo không được thông qua, đề nghị ghi lý do theo biên bản họp."),
            RefusalCode.MinutesRequired => new(null, "Kết quả cuộc họp cần kèm biên bản; đề nghị gửi kèm tệp biên bản."),
            RefusalCode.SupersededMismatch => new(null, "Quy chế được thay thế không khớp với quy chế ghi trong văn bản ban hành."),
            RefusalCode.SupersedesOtherOrganisation => new(null, "Chỉ thay thế được một quy chế khác của chính tổ chức này."),
            RefusalCode.AmendmentCannotSupersede => new(null, "Văn bản sửa đổi, bổ sung không thay thế quy chế khác."),
            RefusalCode.FinalDocumentEmpty => new(null, "Tệp văn bản ban hành rỗng; đề nghị gửi đúng văn bản đã ký ban hành."),
            RefusalCode.FilingSymbolMismatch => new(null,
                $"Hồ sơ gửi cấp trên là của văn bản số {F("filingSymbol")}, không phải văn bản số {F("issuedSymbol")}."),
            RefusalCode.FilingAnsweredBeforeSent => new(null, "Chưa thể trả lời hồ sơ trước thời điểm hồ sơ được gửi."),
            RefusalCode.NoUpperLevel => new(null, $"Tổ chức “{F("organisation")}” không có cấp trên để gửi văn bản."),
            RefusalCode.RegulationIdTaken => new(null, $"Mã quy chế “{F("regulationId")}” đã được dùng."),
            RefusalCode.ModelRegulationMissing => new(null,
                "Cấp trên chưa ban hành quy chế mẫu cho loại hình của tổ chức này; đề nghị tạo hồ sơ quy chế mới rồi tải dự thảo lên."),
            RefusalCode.PreviousRegulationMissing => new(null,
                $"Tổ chức chưa có quy chế đã ban hành của nhiệm kỳ trước (liền trước nhiệm kỳ {Term(facts, "term")}); đề nghị tạo hồ sơ quy chế mới rồi tải dự thảo lên."),
            RefusalCode.IssuedDocumentMissing => new(null,
                "Văn bản ban hành của quy chế nhiệm kỳ trước không còn được lưu trữ; đề nghị tạo hồ sơ quy chế mới rồi tải dự thảo lên."),
            RefusalCode.IssuanceMissing => new(null, $"Quy chế không có văn bản ban hành số {F("symbol")}."),
            RefusalCode.CampaignTitleMissing => new("title", "Đề nghị ghi tên đợt chỉ đạo."),
            RefusalCode.CampaignDeadlineNotAfterStart => new("deadline",
                $"Hạn hoàn thành {Date(facts, "deadline")} phải sau hôm nay ({Date(facts, "today")})."),
            RefusalCode.CampaignModelDateMissing => new("modelIssuedOn",
                "Đề nghị ghi ngày ban hành quy chế mẫu mới: quy chế sửa đổi phải được ban hành sau ngày đó."),
            RefusalCode.CampaignReminderOffsetsInvalid => new("reminderDays",
                $"Số ngày nhắc trước hạn ({F("offsets")}) phải là số nguyên từ 1 đến 365."),
            RefusalCode.CampaignEndBeforeDeadline => new("endsOn",
                $"Ngày kết thúc đợt {Date(facts, "endsOn")} không được sớm hơn hạn hoàn thành ({Date(facts, "deadline")})."),
            RefusalCode.CampaignDirectingDocumentIncomplete => new("documentNumber",
                "Văn bản chỉ đạo cần có cả số và ngày ban hành."),
            RefusalCode.CampaignIdTaken => new(null, $"Mã đợt chỉ đạo “{F("campaignId")}” đã được dùng cho một đợt khác."),
            _ => null,
        };
    }

    private static RefusalText? Transition(string subjectName, string currentState, string actionName)
    {
        if (!s_actions.TryGetValue(actionName, out var action) || !s_subjects.TryGetValue(subjectName, out var subject))
        {
            return null;
        }

        bool isStage = Enum.TryParse<RegulationStage>(currentState, ignoreCase: false, out var stage) && Enum.IsDefined(stage);
        string? state = isStage ? RegulationStageText.Label(stage) : s_states.GetValueOrDefault(currentState);
        if (state is null)
        {
            return null;
        }

        string next = isStage && subjectName is "regulation" or "amendment" ? NextStep(stage) : "";
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
            ? "ngày " + VietnamTime.FormatDate(date)
            : facts.GetValueOrDefault(name) ?? string.Empty;

    /// <summary>"05/12/2026", without the "ngày" that <see cref="Date"/> puts before it.</summary>
    private static string PlainDate(IReadOnlyDictionary<string, string> facts, string name) =>
        DateOnly.TryParseExact(facts.GetValueOrDefault(name), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? VietnamTime.FormatDate(date)
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

    private static string Term(IReadOnlyDictionary<string, string> facts, string name) =>
        (facts.GetValueOrDefault(name) ?? string.Empty).Replace("–", " - ", StringComparison.Ordinal);

    /// <summary>An ISO 8601 instant as running text reads it, Vietnam time first: "17:00 ngày 05/12/2026".</summary>
    private static string Instant(IReadOnlyDictionary<string, string> facts, string name) =>
        DateTimeOffset.TryParse(facts.GetValueOrDefault(name), CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            ? Domain.Calendar.VietnamTime.FormatTimeOnDate(instant)
            : facts.GetValueOrDefault(name) ?? string.Empty;
}
