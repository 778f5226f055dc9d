using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Tests.Status;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Hà Nội", "ha noi")]
    [InlineData("Đảng ủy Khối Cơ quan", "dang uy khoi co quan")]
    [InlineData("  Chi bộ   Thôn\tAn Phú ", "chi bo thon an phu")]
    [InlineData("Ủy ban Kiểm tra", "uy ban kiem tra")]
    public void Fold_VietnameseText_DropsCaseDiacriticsAndExtraSpaces(string text, string expected)
    {
        string folded = SearchText.Fold(text);

        Assert.Equal(expected, folded);
    }

    [Fact]
    public void Fold_DecomposedInput_FoldsAsComposed()
    {
        string decomposed = "Hà Nội".Normalize(System.Text.NormalizationForm.FormD);

        Assert.Equal(SearchText.Fold("Hà Nội"), SearchText.Fold(decomposed));
    }
}
