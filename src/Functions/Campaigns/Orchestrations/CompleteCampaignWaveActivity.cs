using Microsoft.DurableTask;
using QuyCheWorkflow.Durable;
using QuyCheWorkflow.Domain.Calendar;
using QuyCheWorkflow.Domain.Campaigns;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Lifecycle.Orchestrations;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.Mail.Templates;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// Ends a wave once its batches ran: counts its notices in the ledger (one range query per 1,000); after an overdue
/// wave of an open campaign, mails the campaign's own office a summary (counts by state, the late organisations by
/// name), once per wave through the ledger; appends one <see cref="AuditAction.CampaignWaveSent"/> entry with the
/// counts to the office organisation's chain, once per wave (<see cref="AuditLog.AppendOnceAsync"/>); and records the
/// counts on the wave (<see cref="CampaignNoticeLedger.CompleteWaveAsync"/>). Safe to run again.
/// </summary>
public sealed class CompleteCampaignWaveActivity(
    CampaignStore campaigns,
    OrganisationStore organisations,
    CampaignRollUps rollUps,
    CampaignNoticeLedger ledger,
    MailSender mail,
    AuditLog audit,
    TimeProvider timeProvider)
    : TaskActivity<CampaignWaveCompletion, CampaignWaveOutcome>
{
    public const string SummaryRecipient = "summary";

    public override async Task<CampaignWaveOutcome> RunAsync(TaskActivityContext context, CampaignWaveCompletion request)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var cancellationToken = context.CancellationToken;
        var wave = request.Wave;
        var campaign = (await campaigns.GetAsync(request.CampaignId, cancellationToken))?.Value;
        var tally = await ledger.TallyAsync(request.CampaignId, wave.Id, cancellationToken);
        int skipped = Math.Max(0, request.Planned - tally.Organisations);
        if (campaign is null)
        {
            return new CampaignWaveOutcome(wave.Id, request.Planned, tally.Sent, tally.Uncertain, skipped);
        }

        if (wave.Kind == CampaignWaveKind.Overdue && campaign.State == CampaignState.Open)
        {
            await SendSummaryAsync(campaign, wave, tally.Organisations, cancellationToken);
        }

        var now = timeProvider.GetUtcNow();
        var details = new { wave = wave.Id, kind = wave.Kind.ToString(), at = wave.At, members = request.Members, planned = request.Planned, sent = tally.Sent, uncertain = tally.Uncertain, skipped };
        await audit.AppendOnceAsync(campaign.OfficeOrganisationId,
            new AuditRecord(Actors.System.Id, Actors.System.Display, AuditAction.CampaignWaveSent.Code, [campaign.OfficeOrganisationId, campaign.Id, wave.Id],
                StateJson.Serialize(details), Actors.System.Origin),
            $"{AuditAction.CampaignWaveSent.Code}-{campaign.Id}-{wave.Id}", now, cancellationToken);
        await ledger.CompleteWaveAsync(campaign.Id, wave, tally, skipped, cancellationToken);
        return new CampaignWaveOutcome(wave.Id, request.Planned, tally.Sent, tally.Uncertain, skipped);
    }

    private async Task SendSummaryAsync(Campaign campaign, CampaignWave wave, int notified, CancellationToken cancellationToken)
    {
        if ((await organisations.GetAsync(campaign.OfficeOrganisationId, cancellationToken))?.Value is not { } office
            || LifecycleFacts.Office(office) is not { } to
            || !System.Net.Mail.MailAddress.TryCreate(to.Address, out _))
        {
            return;
        }

        var rollUp = await rollUps.ComputeAsync(campaign, cancellationToken);
        DateOnly today = VietnamTime.DateOf(rollUp.At);
        var late = rollUp.In(CampaignComplianceState.Late);
        string notificationId = $"campaign|{campaign.Id}|{wave.Id}|{SummaryRecipient}";
        var outgoing = NotificationTemplates.CampaignSummary(new CampaignSummaryNotice(
            notificationId, to, campaign.Title, campaign.Deadline, today, Math.Max(0, today.DayNumber - campaign.Deadline.DayNumber), rollUp.Counts,
            [.. late.Select(m => m.Name)], notified));
        var notice = new CampaignNotice(wave.Id, office.Id, string.Empty, SummaryRecipient, CampaignNoticeKind.OfficeSummary,
            to.Address, to.Name, CampaignNoticeStatus.Pending, wave.At, timeProvider.GetUtcNow(), null, notificationId);
        await SendCampaignWaveBatchActivity.SendOnceAsync(ledger, mail, campaign.Id, CampaignNoticeLedger.SummaryRowKey(wave.Id), notice, outgoing, timeProvider, cancellationToken);
    }
}
