using QuyCheWorkflow.Functions.Web;
using QuyCheWorkflow.Functions.Web.Components;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// The filing page's two forms (<see cref="LinkFilingPage"/>): the upper level acknowledges the filed regulation, or
/// returns it with reasons, one a line. Its field names and values are declared here only, for the page that writes
/// them and the handler that reads them; that a return needs a reason is the filing's rule.
/// </summary>
/// <param name="Acknowledge">True to acknowledge, false to return.</param>
/// <param name="Reasons">The reasons of a return, one per non-blank line.</param>
internal sealed record FilingResponseForm(bool Acknowledge, IReadOnlyList<string> Reasons)
{
    public const string DecisionField = "decision";
    public const string AcknowledgeValue = "acknowledge";
    public const string ReturnValue = "return";
    public const string ReasonsField = "reasons";
    public const int ReasonsMaxLength = OpinionForm.CommentMaxLength;

    /// <summary>Reads the posted form; <paramref name="error"/> says what to fix when it cannot be read.</summary>
    public static bool TryRead(IFormCollection form, out FilingResponseForm? response, out LinkFormError? error)
    {
        ArgumentNullException.ThrowIfNull(form);
        response = null;

        // The whole field is checked (and its length counted) as one text.
        var (text, reasonsError) = TextInput.Paragraphs(form[ReasonsField].ToString(), ReasonsMaxLength);
        if (reasonsError is not null)
        {
            error = LinkFormError.Invalid("Lý do, yêu cầu sửa đổi, bổ sung", reasonsError);
            return false;
        }

        List<string> reasons = text is null ? [] : [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
        switch (form[DecisionField].ToString())
        {
            case AcknowledgeValue:
                response = new FilingResponseForm(true, []);
                break;
            case ReturnValue:
                response = new FilingResponseForm(false, reasons);
                break;
            default:
                error = LinkFormError.Incomplete("Đề nghị đồng chí chọn “Xác nhận đã tiếp nhận” hoặc “Trả lại”.");
                return false;
        }

        error = null;
        return true;
    }
}
