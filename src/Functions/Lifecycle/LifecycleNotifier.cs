using System.Globalization;
using QuyCheWorkflow.Functions.Mail;

namespace QuyCheWorkflow.Functions.Lifecycle;

/// <summary>Mails a notice unless the <see cref="NoticeLedger"/> says it went out already, then records it.</summary>
public sealed class LifecycleNotifier(MailSender mail, NoticeLedger ledger, TimeProvider timeProvider)
{
    /// <summary>"vote-reminder|vote-1|m3|202603050100": kind, subject, recipient key and due instant (UTC, minutes).</summary>
    public static string NoticeId(NoticeKind kind, string subjectId, string recipientKey, DateTimeOffset scheduledFor) =>
        NoticePrefix(kind, subjectId) + recipientKey.Replace('|', '_') + "|" +
            scheduledFor.ToUniversalTime().ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    /// <summary>"review-overdue-to-upper-level|review-2026-09-16|": what every notice of a kind about one subject starts with.</summary>
    public static string NoticePrefix(NoticeKind kind, string subjectId) => Kebab(kind) + "|" + subjectId + "|";

    /// <returns>True when the mail was sent now; false when it had been sent before.</returns>
    public async Task<bool> SendOnceAsync(string regulationId, NoticeKind kind, string noticeId, DateTimeOffset scheduledFor,
        Func<string, OutgoingMail> compose, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(compose);
        if (await ledger.WasSentAsync(regulationId, noticeId, cancellationToken))
        {
            return false;
        }

        var outgoing = compose(noticeId);
        await mail.SendAsync(outgoing, cancellationToken);
        await ledger.RecordAsync(regulationId, new SentNotice(noticeId, kind, outgoing.To.Address, scheduledFor, timeProvider.GetUtcNow(), outgoing.To.Name), cancellationToken);
        return true;
    }

    private static string Kebab(NoticeKind kind)
    {
        string name = kind.ToString();
        System.Text.StringBuilder builder = new();
        foreach (char c in name)
        {
            if (char.IsUpper(c) && builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
