using QuyCheWorkflow.Domain.Filings;

namespace QuyCheWorkflow.Functions.OfficeConsole.UpperLevel;

/// <summary>A regulation filed with an upper level, as its inbox lists it.</summary>
/// <param name="Filing">The filing: its symbol, when it was sent, and the upper level's answer once given.</param>
/// <param name="OrganisationId">The organisation that filed it.</param>
/// <param name="OrganisationName">Its name.</param>
/// <param name="OfficeName">Its office, which filed it ("Văn phòng Đảng ủy …").</param>
/// <param name="SentByName">The person of that office who filed it, when filed from the console.</param>
/// <param name="RegulationTitle">The regulation's title.</param>
/// <param name="IssueDate">The filed text's issue date, when known.</param>
/// <param name="SignerText">Who signed the filed text, when known.</param>
/// <param name="UpperLevelName">The upper level it was filed with.</param>
public sealed record FilingInboxEntry(
    FilingState Filing,
    string OrganisationId,
    string OrganisationName,
    string OfficeName,
    string? SentByName,
    string RegulationTitle,
    DateOnly? IssueDate,
    string? SignerText,
    string UpperLevelName)
{
    /// <summary>The key of the entry's forms and of its messages on the inbox page.</summary>
    public string Key => Filing.RegulationId + "/" + Filing.Id;
}
