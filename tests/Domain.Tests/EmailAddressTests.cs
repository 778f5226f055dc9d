namespace QuyCheWorkflow.Domain.Tests;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("an@example.vn")]
    [InlineData("  vp.taichinh@example.vn ")]
    [InlineData("chi-bo.1+gop-y@so-tai-chinh.example.vn")]
    public void IsValid_PlainAddress_True(string value) => Assert.True(EmailAddress.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("an.example.vn")]
    [InlineData("@")]
    [InlineData("an@")]
    [InlineData("Trần Văn An <an@example.vn>")]
    [InlineData("an@example.vn, binh@example.vn")]
    public void IsValid_NotOneAddress_False(string? value) => Assert.False(EmailAddress.IsValid(value));

    [Fact]
    public void IsValid_LongerThanTheLimit_False()
    {
        string local = new('a', 64);
        string address = local + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".vn";

        Assert.True(address.Length > EmailAddress.MaxLength);
        Assert.False(EmailAddress.IsValid(address));
    }

    [Fact]
    public void Ensure_NoAt_RefusedWithCodeNamingTheAddress()
    {
        DomainException error = Assert.Throws<DomainException>(() => EmailAddress.Ensure("an.example.vn"));

        Assert.Equal(RefusalCode.EmailAddressInvalid, error.Code);
        Assert.Equal("an.example.vn", error.Facts["email"]);
    }

    [Fact]
    public void Ensure_Valid_ReturnsItTrimmed() => Assert.Equal("an@example.vn", EmailAddress.Ensure(" an@example.vn "));
}
