using Microsoft.Extensions.Logging;

namespace QuyCheWorkflow.Functions;

/// <summary>Log messages of the app; this part holds the campaigns (event ids 5200–5249).</summary>
internal static partial class Log
{
    [LoggerMessage(5200, LogLevel.Warning, "Campaign {CampaignId} wave {WaveId}: notice {RowKey} was claimed by a run that stopped before the transport answered; kept as uncertain, not sent again")]
    public static partial void CampaignNoticeUncertain(ILogger logger, string campaignId, string waveId, string rowKey);
}
