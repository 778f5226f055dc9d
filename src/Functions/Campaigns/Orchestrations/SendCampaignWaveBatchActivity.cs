using System.Net.Mail;
using System.Net.Sockets;
using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using Microsoft.Extensions.Logging;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// Mails one batch of a wave. Reads the batch's status rows (one range query) and its ledger rows (one range query);
/// for each member of the range the wave is for at send time (compliance computed now from its status row, so one that
/// finished mid-wave gets nothing), reads the organisation and mails its office (<see cref="LifecycleFacts.Office"/>)
/// and its secretary, each once: a notice the ledger holds is never handed over again (<see cref="CampaignNoticeLedger"/>
/// states the guarantee); a row found pending is marked uncertain. A batch that starts after the campaign was closed mails
/// nothing. Safe to run again, and concurrently with itself.
/// </summary>
public sealed class SendCampaignWaveBatchActivity(
    CampaignStore campaigns,
    OrganisationStore organisations,
    StatusProjection status,
    CampaignNoticeLedger ledger,
    MailSender mail,
    TimeProvider timeProvider,
    ILogger<SendCampaignWaveBatchActivity> logger)
    : TaskActivity<CampaignWaveBatchRequest, CampaignWaveBatchResult>
{
    public const string OfficeRecipient = "office";
    public const string SecretaryRecipient = "secretary";

    /// <summary>The mail's notification id: "campaign|{campaignId}|{waveId}|{organisationId}|{recipientKey}".</summary>
    public static string NotificationId(string campaignId, string waveId, string organisationId, string recipientKey) =>
        $"campaign|{campaignId}|{waveId}|{organisationId}|{recipientKey}";

    public override async Task<CampaignWaveBatchResult> RunAsync(TaskActivityContext context, CampaignWaveBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = context.CancellationToken;
        var wave = request.Wave;
        if ((await campaigns.GetAsync(request.CampaignId, cancellationToken))?.Value is not { State: CampaignState.Open } campaign
            || (await organisations.GetAsync(campaign.OfficeOrganisationId, cancellationToken))?.Value is not { } office)
        {
            return new CampaignWaveBatchResult(0, 0, 0, 0);
        }

        var rows = await status.QueryPathRangeAsync(request.Batch.FirstPath, request.Batch.LastPath, cancellationToken);
        var existing = await ledger.ReadRangeAsync(campaign.Id, wave.Id, request.Batch.FirstPath, request.Batch.LastPath, cancellationToken);
        DateOnly today = VietnamTime.DateOf(timeProvider.GetUtcNow());
        int sent = 0, alreadySent = 0, uncertain = 0, withoutAddress = 0;
        foreach (var row in rows)
        {
            if (row.OrganisationId == campaign.OfficeOrganisationId || !campaign.Covers(row.Type))
            {
                continue;
            }

            var compliance = campaign.ComplianceOf(CampaignRollUps.FactsOf(row), today);
            if (!PlanCampaignWaveActivity.IsFor(wave.Kind, compliance)
                || (await organisations.GetAsync(row.OrganisationId, cancellationToken))?.Value is not { } organisation)
            {
                continue;
            }

            var recipients = Recipients(organisation);
            if (recipients.Count == 0)
            {
                withoutAddress++;
                continue;
            }

            foreach (var (key, to) in recipients)
            {
                string rowKey = CampaignNoticeLedger.NoticeRowKey(wave.Id, row.Path, key);
                if (existing.TryGetValue(rowKey, out var found))
                {
                    if (found.Value.Status == CampaignNoticeStatus.Sent)
                    {
                        alreadySent++;
                        continue;
                    }

                    if (found.Value.Status == CampaignNoticeStatus.Pending)
                    {
                        Log.CampaignNoticeUncertain(logger, campaign.Id, wave.Id, rowKey);
                        await ledger.MarkUncertainAsync(campaign.Id, rowKey, found.ETag, cancellationToken);
                    }

                    uncertain++;
                    continue;
                }

                string notificationId = NotificationId(campaign.Id, wave.Id, organisation.Id, key);
                var outgoing = NotificationTemplates.CampaignMember(Notice(campaign, office, organisation, row, compliance, wave, today, notificationId, to));
                var notice = new CampaignNotice(wave.Id, organisation.Id, row.Path, key,
                    wave.Kind == CampaignWaveKind.Overdue ? CampaignNoticeKind.Overdue : CampaignNoticeKind.Reminder,
                    to.Address, to.Name, CampaignNoticeStatus.Pending, wave.At, timeProvider.GetUtcNow(), null, notificationId);
                if (await SendOnceAsync(ledger, mail, campaign.Id, rowKey, notice, outgoing, timeProvider, cancellationToken))
                {
                    sent++;
                }
                else
                {
                    alreadySent++;
                }
            }
        }

        return new CampaignWaveBatchResult(sent, alreadySent, uncertain, withoutAddress);
    }

    /// <summary>
    /// Claims the notice, hands the mail to the transport, and marks it sent. False when another run had claimed it.
    /// A mail the transport refused for sure (the server answered with a refusal, or was never reached) releases the
    /// claim, so a retry sends it; any other failure leaves it pending, hence uncertain.
    /// </summary>
    internal static async Task<bool> SendOnceAsync(CampaignNoticeLedger ledger, MailSender mail, string campaignId, string rowKey, CampaignNotice notice,
        OutgoingMail outgoing, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (!await ledger.TryClaimAsync(campaignId, rowKey, notice, cancellationToken))
        {
            return false;
        }

        try
        {
            await mail.SendAsync(outgoing, cancellationToken);
        }
        catch (MailDeliveryFailedException exception) when (exception.StatusCode is not null || exception.InnerException is SocketException)
        {
            await ledger.ReleaseAsync(campaignId, rowKey, CancellationToken.None);
            throw;
        }

        await ledger.MarkSentAsync(campaignId, rowKey, timeProvider.GetUtcNow(), cancellationToken);
        return true;
    }

    /// <summary>The organisation's office mailbox and its secretary, those with a usable address.</summary>
    public static IReadOnlyList<(string Key, MailRecipient To)> Recipients(Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        var secretary = organisation.Committee.Secretary;
        (string, MailRecipient?)[] all = [(OfficeRecipient, LifecycleFacts.Office(organisation)), (SecretaryRecipient, new MailRecipient(secretary.Email, secretary.FullName))];
        return [.. all.Where(r => r.Item2 is { } to && MailAddress.TryCreate(to.Address, out _)).Select(r => (r.Item1, r.Item2!))];
    }

    private static CampaignMemberNotice Notice(Campaign campaign, Organisation office, Organisation organisation, OrganisationStatus row,
        CampaignCompliance compliance, CampaignWave wave, DateOnly today, string notificationId, MailRecipient to)
    {
        int days = wave.Kind == CampaignWaveKind.Overdue ? today.DayNumber - campaign.Deadline.DayNumber : campaign.Deadline.DayNumber - today.DayNumber;
        string standing = CampaignText.Compliance(compliance.State) + (string.IsNullOrWhiteSpace(row.StageLabel) ? "" : $" ({row.StageLabel})");
        return new CampaignMemberNotice(notificationId, to, wave.Kind, campaign.Title, campaign.Requirement.Kind, campaign.Deadline, Math.Max(0, days),
            organisation.Name, standing, office.CommitteeName, office.OfficeName, campaign.DirectingDocument, campaign.Requirement.ModelIssuedOn);
    }
}
