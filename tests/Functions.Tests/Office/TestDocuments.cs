using System.Globalization;
using System.IO.Compression;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace QuyCheWorkflow.Functions.Tests.Office;

/// <summary>Small real files built in memory: a minimal DOCX package, a PDF, a Windows executable.</summary>
internal static class TestDocuments
{
    public const string ContentTypesXml =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    public static byte[] Docx(string text = "Quy chế làm việc của Ban Chấp hành Đảng bộ") =>
        Zip(
            ("[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypesXml)),
            ("_rels/.rels", Encoding.UTF8.GetBytes(
                """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""")),
            ("word/document.xml", Encoding.UTF8.GetBytes(
                $"""<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>""")));

    /// <summary>A one-page PDF showing <paramref name="text"/> (ASCII: the standard Helvetica font), as PdfPig writes it.</summary>
    public static byte[] Pdf(string text = "Bien ban hop")
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText(text, 12, new PdfPoint(72, 760), font);
        return builder.Build();
    }

    /// <summary>A DOCX with one paragraph per item of <paramref name="paragraphs"/>, each in its own run.</summary>
    public static byte[] DocxParagraphs(params string[] paragraphs) =>
        Docx(string.Join("</w:t></w:r></w:p><w:p><w:r><w:t>", paragraphs.Select(System.Security.SecurityElement.Escape)));

    /// <summary>A one-page PDF with one line per item of <paramref name="lines"/> (ASCII), top to bottom.</summary>
    public static byte[] PdfLines(params string[] lines)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        for (var i = 0; i < lines.Length; i++)
        {
            page.AddText(lines[i], 12, new PdfPoint(72, 760 - (20 * i)), font);
        }

        return builder.Build();
    }

    /// <summary>A two-page PDF as a scanner makes it, as far as text goes: pages with marks on them and no text layer.</summary>
    public static byte[] PdfWithoutText()
    {
        var builder = new PdfDocumentBuilder();
        for (var i = 0; i < 2; i++)
        {
            var page = builder.AddPage(PageSize.A4);
            page.DrawRectangle(new PdfPoint(72, 400), 300, 200, 2, fill: true);
        }

        return builder.Build();
    }

    /// <summary>A PDF whose catalogue has no pages: well formed (with its cross-reference table), and empty.</summary>
    public static byte[] PdfWithoutPages()
    {
        string[] objects = ["<</Type/Catalog/Pages 2 0 R>>", "<</Type/Pages/Kids[]/Count 0>>"];
        var pdf = new StringBuilder("%PDF-1.4\n");
        List<int> offsets = [];
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj{objects[i]}endobj\n");
        }

        int xref = pdf.Length;
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            pdf.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        }

        pdf.Append(CultureInfo.InvariantCulture, $"trailer<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    /// <summary>The start of a PE executable: "MZ", the DOS stub, then filler.</summary>
    public static byte[] Executable()
    {
        var bytes = new byte[512];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        Encoding.ASCII.GetBytes("This program cannot be run in DOS mode.").CopyTo(bytes, 78);
        return bytes;
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
                using var stream = entry.Open();
                stream.Write(content);
            }
        }

        return buffer.ToArray();
    }
}
