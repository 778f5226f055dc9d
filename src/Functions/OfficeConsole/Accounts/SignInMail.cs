using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>The message carrying a console sign-in link, in Vietnamese.</summary>
internal static class SignInMail
{
    public static OutgoingMail Create(Account account, Uri link, DateTimeOffset expiresAt, string notificationId) =>
        new MailBody("Liên kết đăng nhập Hệ thống quản lý quy chế làm việc", "Đăng nhập hệ thống")
            .Paragraph($"Kính gửi đồng chí {account.FullName},")
            .Paragraph("Hệ thống vừa nhận được đề nghị đăng nhập bằng địa chỉ thư điện tử của đồng chí. Đề nghị đồng chí bấm nút dưới đây để đăng nhập.")
            .Action("Đăng nhập", link)
            .Note($"Liên kết chỉ dùng được một lần và hết hạn lúc {VietnamTime.FormatTimeOnDate(expiresAt)} (giờ Việt Nam).")
            .Note("Đường liên kết này dành riêng cho đồng chí; đề nghị không chuyển tiếp thư này cho người khác. Nếu đồng chí không đề nghị đăng nhập, đề nghị bỏ qua thư này.")
            .ToMail(notificationId, new MailRecipient(account.Email, account.FullName), "console-sign-in");
}
