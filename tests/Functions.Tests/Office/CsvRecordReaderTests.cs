using System.Text;
using QuyCheWorkflow.Functions.Office.Import;

namespace QuyCheWorkflow.Functions.Tests.Office;

public sealed class CsvRecordReaderTests
{
    [Fact]
    public void Read_QuotedFields_KeepSeparatorsDoubledQuotesAndLineBreaks()
    {
        var text = "id,name,note\n1,\"Chi bộ 1, Phòng A\",\"nói \"\"nhất trí\"\"\"\n2,\"hai\ndòng\",\"\"\n";

        var records = CsvRecordReader.Read(text);

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "Chi bộ 1, Phòng A", "nói \"nhất trí\""], records[1].Fields);
        Assert.Equal(["2", "hai\ndòng", ""], records[2].Fields);
    }

    [Fact]
    public void Read_LineBreaksInsideQuotes_CountTowardsTheNextRecordsLine()
    {
        var records = CsvRecordReader.Read("a,b\r\n\"x\r\ny\r\nz\",1\r\nlast,2\r\n");

        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
        Assert.Equal(["last", "2"], records[2].Fields);
    }

    [Fact]
    public void Read_ByteOrderMarkAndCrlf_AreNotPartOfTheData()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,tên\r\nđu-1,Đảng ủy Khối\r\n")).ToArray();

        var records = CsvRecordReader.Read(bytes);

        Assert.Equal(["id", "tên"], records[0].Fields);
        Assert.Equal(["đu-1", "Đảng ủy Khối"], records[1].Fields);
    }

    [Fact]
    public void Read_SemicolonsInTheHeader_MakeSemicolonTheSeparator()
    {
        var records = CsvRecordReader.Read("id;name;email\ncb-1;Chi bộ 1, Phòng A;a@example.vn\ncb-2;\"có ; trong ngoặc\";\n");

        Assert.Equal(["cb-1", "Chi bộ 1, Phòng A", "a@example.vn"], records[1].Fields);
        Assert.Equal(["cb-2", "có ; trong ngoặc", ""], records[2].Fields);
    }

    [Fact]
    public void Read_BlankTrailingLinesAndEmptyRows_AreLeftOut()
    {
        var records = CsvRecordReader.Read("a,b\n1,2\n\n,\n3,4\n\n\n");

        Assert.Equal([1, 2, 5], records.Select(r => r.Line));
        Assert.Equal(["3", "4"], records[2].Fields);
    }

    [Fact]
    public void Read_EmptyLastFieldWithoutLineBreak_IsKept()
    {
        var records = CsvRecordReader.Read("a,b,c\n1,,");

        Assert.Equal(["1", "", ""], records[1].Fields);
    }

    [Theory]
    [InlineData("a,b\n1,\"open\n2,3\n", 2)]
    [InlineData("a,b\n1,2\n3,x\"y\n", 3)]
    [InlineData("a,b\n1,\"x\"y\n", 2)]
    public void Read_MalformedQuotes_ThrowsWithTheLine(string text, int line)
    {
        var exception = Assert.Throws<MalformedCsvException>(() => CsvRecordReader.Read(text));

        Assert.Equal(line, exception.Line);
    }

    [Fact]
    public void Read_MalformedRecordOverSeveralLines_ThrowsWithTheLineItStartsOn()
    {
        var exception = Assert.Throws<MalformedCsvException>(() => CsvRecordReader.Read("a,b\n1,2\n\"x\ny\"z,1\n"));

        Assert.Equal(3, exception.Line);
    }

    [Fact]
    public void Read_BytesThatAreNotUtf8_ThrowsForTheWholeFile()
    {
        byte[] latin1 = [(byte)'a', (byte)'\n', 0xD0, 0x41, (byte)'\n'];

        var exception = Assert.Throws<MalformedCsvException>(() => CsvRecordReader.Read(latin1));

        Assert.Equal(0, exception.Line);
    }
}
