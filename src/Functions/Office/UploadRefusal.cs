namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Why an uploaded document was refused, in Vietnamese, with the status the API answers it with; the office API
/// turns it into problem details, the console shows <see cref="Detail"/> beside the file field.
/// </summary>
/// <param name="Status">413 too large, 415 neither DOCX nor PDF by content, 422 a document people could not open, 400 no file.</param>
/// <param name="Title">A short title.</param>
/// <param name="Detail">What is wrong and what to send instead.</param>
internal sealed record UploadRefusal(int Status, string Title, string Detail)
{
    public static UploadRefusal Missing { get; } = new(StatusCodes.Status400BadRequest, "Thiếu tệp", "Thiếu tệp (phần 'file').");

    public static UploadRefusal Unsupported { get; } = new(StatusCodes.Status415UnsupportedMediaType, "Tệp không được chấp nhận",
        "Chỉ nhận tệp DOCX hoặc PDF; nội dung tệp không phải DOCX hay PDF (tên tệp không được dùng để nhận biết).");

    public static UploadRefusal TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, "Tệp quá lớn", $"Tệp vượt quá giới hạn {limit / 1024} KiB.");

    /// <summary>A PDF or DOCX that people could not open, saying why and what to send instead.</summary>
    public static UploadRefusal Defective(DocumentDefect defect) =>
        new(StatusCodes.Status422UnprocessableEntity, "Tệp không mở được", defect switch
        {
            DocumentDefect.Encrypted => "Tệp đã được đặt mật khẩu (mã hóa), người nhận sẽ không mở được; đề nghị gửi bản không đặt mật khẩu.",
            DocumentDefect.Empty => "Tệp không có nội dung (PDF không có trang nào, hoặc DOCX không có chữ); đề nghị gửi đúng văn bản.",
            DocumentDefect.LegacyOrEncryptedWord =>
                "Tệp là văn bản Word cũ (.doc) hoặc tệp Word đã đặt mật khẩu; đề nghị lưu lại thành DOCX không đặt mật khẩu, hoặc PDF.",
            _ => "Tệp bị hỏng hoặc không đầy đủ nên không mở được; đề nghị xuất lại văn bản thành DOCX hoặc PDF rồi gửi lại.",
        });
}
