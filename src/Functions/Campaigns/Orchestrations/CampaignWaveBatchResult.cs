namespace QuyCheWorkflow.Functions.Campaigns.Orchestrations;

/// <summary>
/// What one run of a batch did: notices sent now, notices found already sent, notices found pending and so left as
/// uncertain, and organisations of the range the wave was for at send time that had no address to mail.
/// </summary>
// WARNING: changing this payload shape breaks in-flight orchestrations.
public sealed record CampaignWaveBatchResult(int Sent, int AlreadySent, int Uncertain, int WithoutAddress);
