using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// Vietnamese titles and details for the problem details that the app's own code did not title: those ASP.NET Core
/// produces (a body that is not JSON, too large or of the wrong content type, an unknown route, a wrong method) and
/// the bare status codes and exceptions <see cref="ErrorResponses"/> turns into problem details. It runs for every
/// problem details written through <see cref="IProblemDetailsService"/> (typed problem results included), after the
/// framework filled in its English defaults, and leaves <c>status</c>, <c>type</c>, <c>errors</c> and the
/// extensions as they are. A title the app wrote itself is kept with its detail.
/// </summary>
internal static class FrameworkProblems
{
    // The framework's defaults, read from the framework rather than copied, so a newer version's wording still matches.
    private static readonly string? s_validationTitle = new HttpValidationProblemDetails().Title;

    public static void Translate(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        int status = problem.Status ?? context.HttpContext.Response.StatusCode;
        if (problem.Title is { } title && !IsFrameworkTitle(title, status))
        {
            return;
        }

        var (vietnameseTitle, vietnameseDetail) = TextFor(status, context.HttpContext.Request.Method);
        problem.Title = vietnameseTitle;
        // A detail is only kept when it was not the framework's: none of its details are Vietnamese, and an
        // exception's message must never reach the client.
        if (problem.Detail is null || context.Exception is not null || IsAscii(problem.Detail))
        {
            problem.Detail = vietnameseDetail;
        }
    }

    private static bool IsFrameworkTitle(string title, int status) =>
        string.Equals(title, s_validationTitle, StringComparison.Ordinal) ||
        string.Equals(title, TypedResults.Problem(statusCode: status).ProblemDetails.Title, StringComparison.Ordinal);

    private static bool IsAscii(string text) => text.All(char.IsAscii);

    private static (string Title, string Detail) TextFor(int status, string method) => status switch
    {
        StatusCodes.Status400BadRequest => ("Yêu cầu không hợp lệ",
            "Không đọc được yêu cầu: nội dung phải là JSON đúng cú pháp, với các trường và tham số đúng kiểu."),
        StatusCodes.Status401Unauthorized => ("Chưa xác thực", "Yêu cầu cần một khóa API hoặc mã truy cập hợp lệ."),
        StatusCodes.Status403Forbidden => ("Không có quyền", "Thông tin xác thực của bạn không cho phép thao tác này."),
        StatusCodes.Status404NotFound => ("Không tìm thấy", "Không có tài nguyên nào ở địa chỉ này."),
        StatusCodes.Status405MethodNotAllowed => ("Phương thức không được hỗ trợ",
            $"Địa chỉ này không nhận phương thức {method}."),
        StatusCodes.Status406NotAcceptable => ("Không trả được định dạng yêu cầu",
            "Không có định dạng trả lời nào khớp với tiêu đề Accept của yêu cầu."),
        StatusCodes.Status408RequestTimeout => ("Hết thời gian chờ", "Yêu cầu không được gửi hết trong thời gian cho phép."),
        StatusCodes.Status409Conflict => ("Thao tác không thực hiện được ở trạng thái hiện tại",
            "Dữ liệu vừa được thay đổi hoặc không cho phép thao tác này; đề nghị tải lại và thử lại."),
        StatusCodes.Status413PayloadTooLarge => ("Nội dung yêu cầu quá lớn",
            "Nội dung yêu cầu vượt quá giới hạn cho phép của thao tác này."),
        StatusCodes.Status415UnsupportedMediaType => ("Kiểu nội dung không được hỗ trợ",
            "Tiêu đề Content-Type không phù hợp: thao tác này nhận application/json, hoặc multipart/form-data khi tải tệp lên."),
        StatusCodes.Status422UnprocessableEntity => ("Không xử lý được nội dung", "Nội dung yêu cầu đúng cú pháp nhưng không hợp lệ."),
        StatusCodes.Status429TooManyRequests => ("Quá nhiều yêu cầu", "Đề nghị chờ một lát rồi thử lại."),
        StatusCodes.Status503ServiceUnavailable => ("Dịch vụ tạm thời không sẵn sàng", "Đề nghị thử lại sau ít phút."),
        >= 500 => ("Đã có lỗi xảy ra", "Hệ thống gặp sự cố và chưa xử lý được yêu cầu. Đề nghị thử lại sau ít phút."),
        _ => ("Yêu cầu không thực hiện được", "Yêu cầu chưa được xử lý."),
    };
}
