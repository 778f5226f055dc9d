using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;


namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// The e-mailed links that sign a person in to the console: <c>{Links:BaseUrl}/van-phong/dang-nhap/lien-ket?t={token}</c>.
/// The token is the link's random id, the account id and the expiry (<see cref="Lifetime"/> after it was made),
/// encrypted and signed by ASP.NET Core data protection with the app's shared key ring, so any instance reads it and
/// nobody can forge or alter it. The expiry is checked against the app's <see cref="TimeProvider"/>; that the link is
/// used once is recorded by <see cref="AccountStore.MarkSignInLinkUsedAsync"/>. Thread-safe.
/// </summary>
/// <remarks>Tokens are bearer credentials until used or expired: never log them.</remarks>
public sealed class SignInLinks
{
    /// <summary>How long a sign-in link works.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    /// <summary>The query parameter holding the token.</summary>
    public const string TokenParameter = "t";

    // WARNING: changing the purpose or the payload layout makes every link already mailed invalid.
    private const string Purpose = "QuyCheWorkflow.OfficeConsole.SignInLink.v1";
    private const int MaxTokenLength = 1024;

    private readonly IDataProtector _protector;
    private readonly TimeProvider _timeProvider;
    private readonly string _baseUrl;

    public SignInLinks(IDataProtectionProvider dataProtection, TimeProvider timeProvider, IOptions<Links.LinkOptions> links)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(links);
        _protector = dataProtection.CreateProtector(Purpose);
        _timeProvider = timeProvider;
        _baseUrl = (links.Value.BaseUrl ?? throw new OptionsValidationException(
            Links.LinkOptions.SectionName, typeof(Links.LinkOptions), ["Links:BaseUrl is required."])).AbsoluteUri.TrimEnd('/');
    }

    /// <summary>A new link for <paramref name="accountId"/>, with a fresh link id; <paramref name="returnUrl"/> is kept only if it is a console path.</summary>
    public (Uri Link, SignInLinkTicket Ticket) Create(string accountId, string? returnUrl = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var linkId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var expiresAt = _timeProvider.GetUtcNow() + Lifetime;
        var payload = string.Join('\n', "1", linkId, accountId, expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var token = Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
        var link = _baseUrl + ConsolePaths.SignInLink + "?" + TokenParameter + "=" + token;
        if (ConsoleReturnUrl.IsLocalConsolePath(returnUrl))
        {
            link += "&" + ConsoleReturnUrl.Parameter + "=" + Uri.EscapeDataString(returnUrl);
        }

        return (new Uri(link), new SignInLinkTicket(SignInLinkStatus.Valid, linkId, accountId, expiresAt));
    }

    /// <summary>Reads a token. Never throws for bad input.</summary>
    public SignInLinkTicket Read(string? token)
    {
        var invalid = new SignInLinkTicket(SignInLinkStatus.Invalid, null, null, null);
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength || !Base64Url.IsValid(token))
        {
            return invalid;
        }

        string payload;
        try
        {
            payload = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(token)));
        }
        catch (CryptographicException)
        {
            return invalid;
        }

        var parts = payload.Split('\n');
        if (parts.Length != 4 || parts[0] != "1" ||
            !long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ||
            seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        var status = _timeProvider.GetUtcNow() >= expiresAt ? SignInLinkStatus.Expired : SignInLinkStatus.Valid;
        return new SignInLinkTicket(status, parts[1], parts[2], expiresAt);
    }
}
