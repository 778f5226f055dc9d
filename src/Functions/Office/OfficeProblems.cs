using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>The problem-details answers of the office API, titled in Vietnamese.</summary>
internal static class OfficeProblems
{
    public const string InvalidTitle = "Yêu cầu không hợp lệ";

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: InvalidTitle);

    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy",
            detail: $"Không tìm thấy {what} trong phạm vi tổ chức của bạn.");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Thao tác không thực hiện được ở trạng thái hiện tại", detail: detail);

    /// <summary>
    /// A domain refusal in the catalogue's words: 422 naming the field when it is about one input, else 409. The
    /// refusal's English message is for logs, never for the answer.
    /// </summary>
    public static ProblemHttpResult Refused(DomainException refusal)
    {
        var text = RefusalCatalogue.Describe(refusal);
        if (text.Field is null)
        {
            return Conflict(text.Message);
        }

        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]>(StringComparer.Ordinal) { [text.Field] = [text.Message] })
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "Yêu cầu không được chấp nhận",
            Detail = text.Message,
        };
        return TypedResults.Problem(problem);
    }

    /// <summary>422: an Idempotency-Key sent again with another request than the one it first ran; nothing ran.</summary>
    public static ProblemHttpResult KeyReused() =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key đã dùng cho yêu cầu khác",
            detail: "Khóa Idempotency-Key này đã được dùng cho một yêu cầu có nội dung hoặc địa chỉ khác, nên yêu cầu này không được thực hiện. " +
                "Mỗi yêu cầu mới cần một khóa mới; chỉ gửi lại đúng yêu cầu cũ với khóa cũ.");

    public static ProblemHttpResult UnsupportedDocument() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Tệp không được chấp nhận",
            detail: "Chỉ nhận tệp DOCX hoặc PDF; nội dung tệp không phải DOCX hay PDF (tên tệp không được dùng để nhận biết).");

    public static ProblemHttpResult UnsupportedImport() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Tệp không được chấp nhận",
            detail: "Gửi tệp CSV: nội dung text/csv, hoặc multipart/form-data với tệp ở phần 'file'.");

    /// <summary>422 for a PDF or DOCX that people could not open, saying why and what to send instead.</summary>
    public static ProblemHttpResult DefectiveDocument(DocumentDefect defect) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Tệp không mở được", detail: defect switch
        {
            DocumentDefect.Encrypted => "Tệp đã được đặt mật khẩu (mã hóa), người nhận sẽ không mở được; đề nghị gửi bản không đặt mật khẩu.",
            DocumentDefect.Empty => "Tệp không có nội dung (PDF không có trang nào, hoặc DOCX không có chữ); đề nghị gửi đúng văn bản.",
            DocumentDefect.LegacyOrEncryptedWord =>
                "Tệp là văn bản Word cũ (.doc) hoặc tệp Word đã đặt mật khẩu; đề nghị lưu lại thành DOCX không đặt mật khẩu, hoặc PDF.",
            _ => "Tệp bị hỏng hoặc không đầy đủ nên không mở được; đề nghị xuất lại văn bản thành DOCX hoặc PDF rồi gửi lại.",
        });

    public static ValidationProblem MalformedForm() =>
        Invalid("body", "Nội dung multipart/form-data không đọc được (sai ranh giới hoặc bị cắt cụt); đề nghị gửi lại tệp.");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tệp quá lớn",
            detail: $"Tệp vượt quá giới hạn {limit / 1024} KiB.");
}
