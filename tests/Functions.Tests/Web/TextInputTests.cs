using System.Text;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class TextInputTests
{
    [Fact]
    public void Line_DecomposedVietnamese_IsComposed()
    {
        string composed = "Đảng ủy Khối các cơ quan tỉnh";

        var result = TextInput.Line(composed.Normalize(NormalizationForm.FormD), 300);

        Assert.Equal(composed, result.Text);
        Assert.Null(result.Error);
    }

    [Theory]
    [InlineData("Chi bộ\nPhòng Tổ chức")]
    [InlineData("Chi bộ\0")]
    [InlineData("Chi bộ\tTổ chức")]
    public void Line_ControlCharacter_IsRefused(string value)
    {
        var result = TextInput.Line(value, 300);

        Assert.Null(result.Text);
        Assert.Contains("một dòng", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chi bộ \u202Ecba")]
    [InlineData("Chi bộ \u2067abc\u2069")]
    public void Paragraphs_BidiControl_IsRefused(string value)
    {
        Assert.Contains("hướng chữ", TextInput.Paragraphs(value, 4000).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraphs_LineBreaks_AreKeptAsLineFeeds()
    {
        Assert.Equal("Điều 1.\nĐiều 2.", TextInput.Paragraphs("  Điều 1.\r\nĐiều 2.  ", 4000).Text);
    }

    [Fact]
    public void Line_LengthCountsTextElements_NotCodeUnits()
    {
        string decomposedFive = "ệệệệệ".Normalize(NormalizationForm.FormD) + "\U0001F600";

        Assert.NotNull(TextInput.Line(decomposedFive, 6).Text);
        Assert.NotNull(TextInput.Line("ááááá", 5).Text);
        Assert.Contains("Tối đa 5", TextInput.Line("áááááá", 5).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Line_Blank_IsNeitherTextNorError()
    {
        Assert.Equal(new TextInputResult(null, null), TextInput.Line("   ", 10));
    }
}
