using Microsoft.AspNetCore.Http.HttpResults;
using QuyCheWorkflow.Functions.Web.Components;

namespace QuyCheWorkflow.Functions.Web;

/// <summary>
/// Ready-made <see cref="MessagePage"/> results with their status codes, for endpoints that answer a person:
/// a link that is malformed, forged, expired or superseded, and the generic error pages.
/// </summary>
public static class MessagePages
{
    public static RazorComponentResult<MessagePage> Show(
        int statusCode, string title, string explanation, string? details = null, MessageTone tone = MessageTone.Info, string? backHref = null) =>
        new(new Dictionary<string, object?>
        {
            [nameof(MessagePage.Title)] = title,
            [nameof(MessagePage.Explanation)] = explanation,
            [nameof(MessagePage.Details)] = details,
            [nameof(MessagePage.Tone)] = tone,
            [nameof(MessagePage.BackHref)] = backHref,
        })
        {
            StatusCode = statusCode,
        };

    public static RazorComponentResult<MessagePage> Done(string title, string explanation, string? details = null) =>
        Show(StatusCodes.Status200OK, title, explanation, details, MessageTone.Success);

    public static RazorComponentResult<MessagePage> NotFound() =>
        Show(
            StatusCodes.Status404NotFound,
            "Không tìm thấy trang",
            "Trang đồng chí tìm không tồn tại hoặc đã bị gỡ bỏ. Đề nghị đồng chí kiểm tra lại liên kết.",
            tone: MessageTone.Warning);

    /// <summary>400: the link is malformed or its signature does not match (forged or cut off by the mail program).</summary>
    public static RazorComponentResult<MessagePage> InvalidLink(string? details = null) =>
        Show(
            StatusCodes.Status400BadRequest,
            "Liên kết không hợp lệ",
            "Liên kết đồng chí vừa mở không đúng hoặc biểu mẫu đã hết hiệu lực. Đề nghị đồng chí mở lại liên kết trong thư điện tử và thử lại; nếu vẫn không được, đề nghị liên hệ văn phòng cấp ủy.",
            details,
            MessageTone.Error);

    /// <summary>410: the link was genuine but its time is over (deadline passed, decision already made).</summary>
    public static RazorComponentResult<MessagePage> ExpiredLink(string? details = null) =>
        Show(
            StatusCodes.Status410Gone,
            "Liên kết đã hết hạn",
            "Liên kết này không còn sử dụng được. Trường hợp đồng chí vẫn cần gửi ý kiến, đề nghị liên hệ văn phòng cấp ủy để được gửi liên kết mới.",
            details,
            MessageTone.Warning);

    /// <summary>410: a newer link or a newer draft replaced the one this link was for.</summary>
    public static RazorComponentResult<MessagePage> SupersededLink(string? details = null) =>
        Show(
            StatusCodes.Status410Gone,
            "Liên kết đã được thay thế",
            "Đã có liên kết mới hơn cho nội dung này. Đề nghị đồng chí sử dụng liên kết trong thư điện tử gửi sau cùng.",
            details,
            MessageTone.Warning);

    public static RazorComponentResult<MessagePage> Forbidden() =>
        Show(
            StatusCodes.Status403Forbidden,
            "Không có quyền sử dụng liên kết",
            "Đồng chí không có quyền sử dụng liên kết này. Trường hợp có nhầm lẫn, đề nghị liên hệ văn phòng cấp ủy.",
            tone: MessageTone.Warning);

    public static RazorComponentResult<MessagePage> ServerError() =>
        Show(
            StatusCodes.Status500InternalServerError,
            "Đã có lỗi xảy ra",
            "Hệ thống gặp sự cố và chưa xử lý được yêu cầu. Nội dung đồng chí gửi (nếu có) chưa được ghi nhận; đề nghị thử lại sau ít phút.",
            tone: MessageTone.Error);

    /// <summary>The page for a status code that no endpoint wrote a body for.</summary>
    public static RazorComponentResult<MessagePage> ForStatus(int statusCode) => statusCode switch
    {
        StatusCodes.Status400BadRequest => InvalidLink(),
        StatusCodes.Status403Forbidden => Forbidden(),
        StatusCodes.Status404NotFound => NotFound(),
        StatusCodes.Status410Gone => ExpiredLink(),
        >= 500 => ServerError(),
        _ => Show(
            statusCode,
            "Không thực hiện được yêu cầu",
            "Yêu cầu chưa được xử lý. Đề nghị đồng chí mở lại liên kết trong thư điện tử và thử lại.",
            tone: MessageTone.Warning),
    };
}
