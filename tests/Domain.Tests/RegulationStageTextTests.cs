namespace QuyCheWorkflow.Domain.Tests;

public sealed class RegulationStageTextTests
{
    [Fact]
    public void Label_EveryStage_HasDistinctVietnameseText()
    {
        RegulationStage[] stages = Enum.GetValues<RegulationStage>();

        IReadOnlyList<string> labels = [.. stages.Select(RegulationStageText.Label)];

        Assert.Equal(stages.Length, labels.Distinct().Count());
        Assert.Equal("Đang có hiệu lực", RegulationStageText.Label(RegulationStage.InForce));
    }
}
