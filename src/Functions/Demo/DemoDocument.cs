using System.IO.Compression;
using System.Security;
using System.Text;

namespace QuyCheWorkflow.Functions.Demo;

/// <summary>
/// Writes a small but genuine DOCX (WordprocessingML in a ZIP package) holding a draft regulation's articles,
/// so the demo's draft opens in Word or LibreOffice and passes the upload content check like a real one.
/// </summary>
internal static class DemoDocument
{
    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string PackageRelationships =
        """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>A DOCX whose first paragraph is <paramref name="title"/>, then each article's heading and text.</summary>
    public static byte[] Create(string title, IEnumerable<(string Heading, string Text)> articles)
    {
        StringBuilder body = new();
        Paragraph(body, title, bold: true);
        foreach (var (heading, text) in articles)
        {
            Paragraph(body, heading, bold: true);
            Paragraph(body, text, bold: false);
        }

        string document =
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"""
            + body + "</w:body></w:document>";

        using MemoryStream package = new();
        using (ZipArchive zip = new(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", ContentTypes);
            Add(zip, "_rels/.rels", PackageRelationships);
            Add(zip, "word/document.xml", document);
        }

        return package.ToArray();
    }

    private static void Paragraph(StringBuilder body, string text, bool bold) =>
        body.Append("<w:p><w:r>")
            .Append(bold ? "<w:rPr><w:b/></w:rPr>" : "")
            .Append("<w:t xml:space=\"preserve\">").Append(SecurityElement.Escape(text)).Append("</w:t></w:r></w:p>");

    private static void Add(ZipArchive zip, string name, string content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        using var stream = entry.Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}
