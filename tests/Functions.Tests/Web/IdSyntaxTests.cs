using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Tests.Web;

public sealed class IdSyntaxTests
{
    [Theory]
    [InlineData("du-taichinh")]
    [InlineData("qc_2025.v2")]
    [InlineData("A")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void IsValid_AsciiSlugUpToMaxLength_True(string id)
    {
        var valid = IdSyntax.IsValid(id);

        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("tổ-chức")]
    [InlineData("a b")]
    [InlineData("a|b")]
    [InlineData("a/b")]
    [InlineData("du-taichinh\n")]
    public void IsValid_TooLongNonAsciiOrOtherCharacters_False(string? id)
    {
        var valid = IdSyntax.IsValid(id);

        Assert.False(valid);
    }

    [Theory]
    [InlineData("ĐU-TANPHUOC")]
    [InlineData("du-taichinh")]
    [InlineData("0123456789012345678901234567890123456789012345678901234567890123")]
    public void IsValidReference_LettersOfAnyScriptUpToMaxLength_True(string id)
    {
        var valid = IdSyntax.IsValidReference(id);

        Assert.True(valid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("01234567890123456789012345678901234567890123456789012345678901234")]
    [InlineData("a b")]
    [InlineData("a|b")]
    [InlineData("du-taichinh\n")]
    public void IsValidReference_TooLongOrOtherCharacters_False(string? id)
    {
        var valid = IdSyntax.IsValidReference(id);

        Assert.False(valid);
    }

    [Fact]
    public void Rule_NamesMaxLength()
    {
        var rule = IdSyntax.Rule;

        Assert.Contains($"tối đa {IdSyntax.MaxLength} ký tự", rule, StringComparison.Ordinal);
    }
}
