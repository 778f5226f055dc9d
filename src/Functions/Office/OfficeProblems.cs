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

    public static ProblemHttpResult UnsupportedDocument() => Problem(UploadRefusal.Unsupported);

    public static ProblemHttpResult UnsupportedImport() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Tệp không được chấp nhận",
            detail: "Gửi tệp CSV: nội dung text/csv, hoặc multipart/form-data với tệp ở phần 'file'.");

    /// <summary>422 for a PDF or DOCX that people could not open, saying why and what to send instead.</summary>
    public static ProblemHttpResult DefectiveDocument(DocumentDefect defect) => Problem(UploadRefusal.Defective(defect));

    /// <summary>The refusal of an uploaded document as problem details: a missing file names the field.</summary>
    public static IResult Refused(UploadRefusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return refusal.Status == StatusCodes.Status400BadRequest
            ? Invalid(DocumentUploads.FilePart, refusal.Detail)
            : Problem(refusal);
    }

    public static ValidationProblem MalformedForm() =>
        Invalid("body", "Nội dung multipart/form-data không đọc được (sai ranh giới hoặc bị cắt cụt); đề nghị gửi lại tệp.");

    public static ProblemHttpResult TooLarge(long limit) => Problem(UploadRefusal.TooLarge(limit));

    private static ProblemHttpResult Problem(UploadRefusal refusal) =>
        TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail);
}
