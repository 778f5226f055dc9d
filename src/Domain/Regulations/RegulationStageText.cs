namespace QuyCheWorkflow.Domain.Regulations;

/// <summary>Vietnamese labels of lifecycle stages, as shown on pages and in the status view.</summary>
public static class RegulationStageText
{
    public static string Label(RegulationStage stage) => stage switch
    {
        RegulationStage.Drafting => "Đang dự thảo",
        RegulationStage.InConsultation => "Đang lấy ý kiến góp ý",
        RegulationStage.Resolving => "Đang tiếp thu, giải trình",
        RegulationStage.InVote => "Ban Thường vụ đang biểu quyết",
        RegulationStage.Approved => "Đã được thông qua, chờ ban hành",
        RegulationStage.Issued => "Đã ban hành, chưa gửi cấp trên",
        RegulationStage.Filed => "Đã gửi cấp trên, chờ tiếp nhận",
        RegulationStage.InForce => "Đang có hiệu lực",
        RegulationStage.Superseded => "Đã bị thay thế",
        RegulationStage.Repealed => "Đã bãi bỏ",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };
}
