using System.Security.Cryptography;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>Where a rendered link page posts its form and offers its download, and the request id its form carries.</summary>
/// <param name="Action">The link's own address (the form posts back to it).</param>
/// <param name="DownloadUrl">The document's address under the link.</param>
/// <param name="RequestId">A fresh id that makes one sending of the form count once.</param>
internal sealed record LinkPageView(string Action, string DownloadUrl, string RequestId)
{
    public static LinkPageView For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        string action = context.Request.PathBase + context.Request.Path;
        return new(action, action + LinkPageEndpoints.DownloadSuffix, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
    }
}
