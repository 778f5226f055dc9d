using System.Reflection;
using QuyCheWorkflow.Functions.Lifecycle;

namespace QuyCheWorkflow.Functions.Tests.Lifecycle;

public sealed class AuditActionTests
{
    [Fact]
    public void All_EveryDeclaredAction_IsListedWithItsOwnCodeAndATimelineLabel()
    {
        var declared = typeof(AuditAction).GetProperties(BindingFlags.Public | BindingFlags.Static)
            .Where(p => p.PropertyType == typeof(AuditAction))
            .Select(p => (AuditAction)p.GetValue(null)!)
            .ToList();

        Assert.Equal(declared.Count, AuditAction.All.Count);
        Assert.All(declared, action => Assert.Contains(action, AuditAction.All));
        Assert.Equal(AuditAction.All.Count, AuditAction.All.Select(a => a.Code).Distinct(StringComparer.Ordinal).Count());
        Assert.All(AuditAction.All, action =>
        {
            Assert.False(string.IsNullOrWhiteSpace(action.TimelineLabel), action.Code);
            Assert.NotEqual(action.Code, action.TimelineLabel);
        });
    }

    [Fact]
    public void LabelOf_InPersonResultAndMemberReplacement_AreWordedNotRaw()
    {
        Assert.Equal("Ghi nhận kết quả biểu quyết tại cuộc họp", AuditAction.LabelOf("vote.in-person"));
        Assert.Equal("Thay ủy viên trong đợt biểu quyết", AuditAction.LabelOf("vote.member-replaced"));
        Assert.Equal("something.else", AuditAction.LabelOf("something.else"));
    }
}
