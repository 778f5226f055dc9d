namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>What replacing a committee member will do to one open vote round, shown before the clerk confirms.</summary>
/// <param name="RegulationId">The regulation put to the vote.</param>
/// <param name="RegulationTitle">Its title.</param>
/// <param name="DraftVersion">The draft being voted on.</param>
/// <param name="Deadline">The round's deadline.</param>
/// <param name="DiscardedChoice">The old member's vote that will be discarded, in Vietnamese, or null when they have not voted.</param>
/// <param name="Decides">True when, counted again, the round reaches its decision with this change.</param>
public sealed record SeatPreview(string RegulationId, string RegulationTitle, int DraftVersion, DateTimeOffset Deadline, string? DiscardedChoice, bool Decides);
