using System.Text;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.Tests.Mail;

public sealed class CalendarWriterTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(40)]
    public void Text_LongVietnameseValue_FoldsAt75OctetsOnCharacterBoundaries(int prefixLength)
    {
        var value = new string('a', prefixLength) + string.Concat(Enumerable.Repeat("Rà soát định kỳ quy chế làm việc của Đảng ủy; ", 6));

        var content = new CalendarWriter().Text("DESCRIPTION", value).ToString();
        var lines = content.Split("\r\n")[..^1];
        var unfolded = content.Replace("\r\n ", "", StringComparison.Ordinal);

        Assert.True(lines.Length > 3);
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 1, 75));
        Assert.All(lines.Skip(1), line => Assert.StartsWith(" ", line, StringComparison.Ordinal));
        Assert.Equal("DESCRIPTION:" + CalendarWriter.EscapeText(value) + "\r\n", unfolded);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(content)));
    }

    [Fact]
    public void Text_LineOfExactly75Octets_IsNotFolded()
    {
        var content = new CalendarWriter().Text("SUMMARY", new string('x', 75 - "SUMMARY:".Length)).ToString();

        Assert.Equal("SUMMARY:" + new string('x', 67) + "\r\n", content);
    }

    [Fact]
    public void EscapeText_SpecialCharacters_EscapedPerRfc5545()
    {
        var escaped = CalendarWriter.EscapeText("a\\b;c,d\r\ne\nf");

        Assert.Equal("a\\\\b\\;c\\,d\\ne\\nf", escaped);
    }

    [Fact]
    public void Line_ParameterWithDiacriticsAndQuotes_QuotedWithoutQuotes()
    {
        var content = new CalendarWriter().Line("ORGANIZER", "mailto:vp@example.vn", ("CN", "Văn phòng \"Đảng ủy\"; Khối")).ToString();

        Assert.Equal("ORGANIZER;CN=\"Văn phòng Đảng ủy; Khối\":mailto:vp@example.vn\r\n", content);
    }
}
