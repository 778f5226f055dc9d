using QuyCheWorkflow.Domain.Campaigns;

namespace QuyCheWorkflow.Functions.Campaigns;

/// <summary>The Vietnamese words of campaigns, shared by the API, the exports, the pages and the mails.</summary>
public static class CampaignText
{
    public static string Requirement(CampaignRequirementKind kind) => kind switch
    {
        CampaignRequirementKind.IssueForCurrentTerm => "Ban hành quy chế làm việc nhiệm kỳ hiện tại",
        CampaignRequirementKind.ReviseAfterModel => "Sửa đổi, bổ sung quy chế theo quy chế mẫu mới",
        CampaignRequirementKind.RecordReview => "Rà soát quy chế và ghi nhận kết quả rà soát",
        _ => kind.ToString(),
    };

    public static string Compliance(CampaignComplianceState state) => state switch
    {
        CampaignComplianceState.NotStarted => "Chưa triển khai",
        CampaignComplianceState.UnderWay => "Đang thực hiện",
        CampaignComplianceState.Done => "Đã hoàn thành",
        CampaignComplianceState.Late => "Quá hạn",
        _ => state.ToString(),
    };

    public static string State(CampaignState state) => state switch
    {
        CampaignState.Open => "Đang triển khai",
        CampaignState.Closed => "Đã kết thúc",
        _ => state.ToString(),
    };

    public static string CloseReason(CampaignCloseReason reason) => reason switch
    {
        CampaignCloseReason.EndDateReached => "Hết thời gian của đợt",
        CampaignCloseReason.ClosedByOffice => "Văn phòng kết thúc đợt",
        _ => reason.ToString(),
    };

    /// <summary>"Có" or "Không" for a flag of the copy and quality figures, empty when there is nothing to judge.</summary>
    public static string Flag(bool? value) => value switch
    {
        true => "Có",
        false => "Không",
        null => "",
    };

    /// <summary>
    /// A wave of reminders as people read it: "Nhắc trước hạn 30 ngày", "Nhắc quá hạn, tuần thứ 2", from the wave's
    /// stable id ("before-30", "overdue-2"; see <see cref="Campaign.WavesBetween"/>).
    /// </summary>
    public static string Wave(CampaignWaveKind kind, string waveId)
    {
        ArgumentNullException.ThrowIfNull(waveId);
        string number = waveId[(waveId.LastIndexOf('-') + 1)..];
        return kind switch
        {
            CampaignWaveKind.Reminder => $"Nhắc trước hạn {number} ngày",
            CampaignWaveKind.Overdue => $"Nhắc quá hạn, tuần thứ {number}",
            _ => waveId,
        };
    }
}
