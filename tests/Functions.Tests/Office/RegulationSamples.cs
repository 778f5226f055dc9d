using System.Buffers.Binary;
using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PageSize = UglyToad.PdfPig.Content.PageSize;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>
/// Regulations as offices write them, built in memory: a DOCX written with the Open XML SDK (title block, articles,
/// runs split mid-word, a line break, a table, a tracked deletion), a PDF with a text layer written with PdfPig in a
/// Unicode TrueType font, and a scanned PDF (a page image and no text).
/// </summary>
internal static class RegulationSamples
{
    /// <summary>Where a TrueType font with Vietnamese letters is on Debian (package fonts-dejavu-core).</summary>
    public const string VietnameseFontPath = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The previous term's regulation: a preamble and six articles.</summary>
    public static readonly string[] PreviousTerm =
    [
        "ĐẢNG BỘ TỈNH BÌNH AN",
        "ĐẢNG ỦY SỞ TÀI CHÍNH",
        "QUY CHẾ LÀM VIỆC",
        "của Ban Chấp hành Đảng bộ Sở Tài chính nhiệm kỳ 2020 - 2025",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định trách nhiệm, quyền hạn và chế độ làm việc của Ban Chấp hành Đảng bộ.",
        "Điều 2. Nguyên tắc làm việc",
        "Ban Chấp hành làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.",
        "Điều 3. Chế độ họp",
        "Ban Chấp hành họp thường lệ ba tháng một lần và họp bất thường khi cần.",
        "Điều 4. Nhiệm vụ của Ban Thường vụ",
        "Ban Thường vụ lãnh đạo, chỉ đạo thực hiện nghị quyết giữa hai kỳ họp của Ban Chấp hành.",
        "Điều 5. Chế độ báo cáo",
        "Định kỳ sáu tháng Ban Thường vụ báo cáo Ban Chấp hành tình hình thực hiện nhiệm vụ.",
        "Điều 6. Hiệu lực thi hành",
        "Quy chế này có hiệu lực kể từ ngày ký.",
    ];

    /// <summary>
    /// The new term's draft from <see cref="PreviousTerm"/>: the header's term changed, article 3's meetings moved
    /// from every three months to every month (two words replaced), article 5 dropped, a new article on inspection
    /// added before the last, which becomes article 6 again.
    /// </summary>
    public static readonly string[] Draft =
    [
        "ĐẢNG BỘ TỈNH BÌNH AN",
        "ĐẢNG ỦY SỞ TÀI CHÍNH",
        "QUY CHẾ LÀM VIỆC",
        "của Ban Chấp hành Đảng bộ Sở Tài chính nhiệm kỳ 2025 - 2030",
        "Điều 1. Phạm vi điều chỉnh",
        "Quy chế này quy định trách nhiệm, quyền hạn và chế độ làm việc của Ban Chấp hành Đảng bộ.",
        "Điều 2. Nguyên tắc làm việc",
        "Ban Chấp hành làm việc theo nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách.",
        "Điều 3. Chế độ họp",
        "Ban Chấp hành họp thường lệ mỗi tháng một lần và họp bất thường khi cần.",
        "Điều 4. Nhiệm vụ của Ban Thường vụ",
        "Ban Thường vụ lãnh đạo, chỉ đạo thực hiện nghị quyết giữa hai kỳ họp của Ban Chấp hành.",
        "Điều 5. Kiểm tra, giám sát",
        "Ủy ban Kiểm tra giúp Ban Chấp hành kiểm tra việc thực hiện Quy chế này.",
        "Điều 6. Hiệu lực thi hành",
        "Quy chế này có hiệu lực kể từ ngày ký.",
    ];

    /// <summary>
    /// A DOCX of <paramref name="paragraphs"/> as Word saves it: each paragraph in two runs split inside a word
    /// (the way spell-check and formatting split them), and after them a signature table and a paragraph whose
    /// tracked deletion must not be read. The text of <paramref name="withExtras"/> false is the paragraphs only.
    /// </summary>
    public static byte[] Docx(IReadOnlyList<string> paragraphs, bool withExtras = false)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var text in paragraphs)
            {
                int cut = text.Length / 2;
                body.AppendChild(new Paragraph(
                    new Run(new RunProperties(new Bold()), new Text(text[..cut]) { Space = SpaceProcessingModeValues.Preserve }),
                    new Run(new Text(text[cut..]) { Space = SpaceProcessingModeValues.Preserve })));
            }

            if (withExtras)
            {
                body.AppendChild(new Paragraph(new Run(new Text("Nơi nhận:"), new Break(), new Text("- Như Điều 6,"), new TabChar(), new Text("lưu Văn phòng."))));
                body.AppendChild(new Table(new TableRow(
                    new TableCell(new Paragraph(new Run(new Text("T/M BAN CHẤP HÀNH")))),
                    new TableCell(new Paragraph(new Run(new Text("BÍ THƯ")))))));
                body.AppendChild(new Paragraph(
                    new Run(new Text("Nguyễn Văn A")),
                    new DeletedRun(new Run(new DeletedText(" (đã gạch bỏ)"))) { Id = "1", Author = "Văn phòng" }));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return buffer.ToArray();
    }

    /// <summary>An A4 PDF with a text layer: one line per item of <paramref name="lines"/>, in a Unicode TrueType font, over as many pages as needed.</summary>
    public static byte[] Pdf(IReadOnlyList<string> lines, byte[] font)
    {
        var builder = new PdfDocumentBuilder();
        var added = builder.AddTrueTypeFont(font);
        const int perPage = 30;
        for (var start = 0; start < lines.Count; start += perPage)
        {
            var page = builder.AddPage(PageSize.A4);
            for (var i = start; i < Math.Min(lines.Count, start + perPage); i++)
            {
                page.AddText(lines[i], 11, new PdfPoint(60, 780 - (24 * (i - start))), added);
            }
        }

        return builder.Build();
    }

    /// <summary>A PDF as a scanner makes it: each page one image of the page, and no text layer at all.</summary>
    public static byte[] ScannedPdf(int pages = 2)
    {
        var builder = new PdfDocumentBuilder();
        var image = GreyPng(64, 90);
        for (var i = 0; i < pages; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.AddPng(image, new PdfRectangle(0, 0, 595, 842));
        }

        return builder.Build();
    }

    /// <summary>The bytes of the font <see cref="VietnameseFontPath"/>, or null when this machine has none.</summary>
    public static byte[]? VietnameseFont() => File.Exists(VietnameseFontPath) ? File.ReadAllBytes(VietnameseFontPath) : null;

    /// <summary>A light grey 8-bit greyscale PNG with a darker band, as a scanned page looks (the encoder is the PNG specification's).</summary>
    private static byte[] GreyPng(int width, int height)
    {
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (var x = 0; x < width; x++)
            {
                raw.WriteByte(y % 10 < 2 ? (byte)60 : (byte)235);
            }
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(zlib);
        }

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
