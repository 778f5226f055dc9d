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
    /// A domain refusal: a coded one in the catalogue's words — 422 naming the field when it is about one input,
    /// else 409 — and an uncoded one with its own message (409).
    /// </summary>
    public static ProblemHttpResult Refused(DomainException refusal)
    {
        if (RefusalCatalogue.Describe(refusal) is not { } text)
        {
            return Conflict(refusal.Message);
        }

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

    public static ProblemHttpResult UnsupportedDocument() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Tệp không được chấp nhận",
            detail: "Chỉ nhận tệp DOCX hoặc PDF; nội dung tệp không phải DOCX hay PDF (tên tệp không được dùng để nhận biết).");

    public static ProblemHttpResult UnsupportedImport() =>
        TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Tệp không được chấp nhận",
            detail: "Gửi tệp CSV: nội dung text/csv, hoặc multipart/form-data với tệp ở phần 'file'.");

    public static ValidationProblem MalformedForm() =>
        Invalid("body", "Nội dung multipart/form-data không đọc được (sai ranh giới hoặc bị cắt cụt); hãy gửi lại tệp.");

    public static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Tệp quá lớn",
            detail: $"Tệp vượt quá giới hạn {limit / 1024} KiB.");
}
