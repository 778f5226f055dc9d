using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// The console's accounts and the one-time use of their sign-in links. Thread-safe.
/// <para>
/// Table <c>accounts</c>, one partition "account" (a province has at most a few thousand office people, so the whole
/// list is one partition read):
/// RK = "id:{id}" holds the account (FullName, Email, OrganisationId, OrganisationPath, Role, CreatedAt, CreatedBy,
/// DisabledAt, DisabledBy, SessionsValidFrom); RK = "email:{escaped e-mail}" holds AccountId and makes the address unique, because the
/// two rows are inserted in one entity-group transaction. Partition "signin-used", RK = sign-in link id, marks a link
/// that has been used (<see cref="MarkSignInLinkUsedAsync"/>).
/// </para>
/// <para>
/// The organisation's materialized path is copied onto the account when it is created: organisations never move
/// (see <see cref="OrganisationStore"/>), so it stays right, and it lets <see cref="ListAsync"/> pick a subtree.
/// </para>
/// </summary>
public sealed class AccountStore(StateTables tables, OrganisationStore organisations)
{
    public const string TableName = "accounts";
    public const string Partition = "account";
    private const string UsedLinksPartition = "signin-used";
    private const string IdPrefix = "id:";
    private const string EmailPrefix = "email:";

    /// <summary>The form every stored address takes: <see cref="EmailAddress.Ensure"/>'s trimmed address, lower-cased.</summary>
    /// <exception cref="DomainException"><see cref="RefusalCode.EmailAddressInvalid"/>.</exception>
    public static string NormaliseEmail(string? email) => EmailAddress.Ensure(email).ToLowerInvariant();

    /// <summary>A new random account id ("tk-" and 16 hex digits).</summary>
    public static string NewId() => "tk-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>
    /// Stores a new account (its e-mail normalised); the organisation must exist. Not idempotent by itself: a repeated
    /// call with the same e-mail fails with <see cref="AccountEmailTakenException"/>, which the caller can read as done.
    /// </summary>
    /// <exception cref="AccountEmailTakenException">Another account has the address.</exception>
    /// <exception cref="ConcurrencyConflictException">The id is taken.</exception>
    /// <exception cref="InvalidOperationException">The organisation does not exist.</exception>
    public async Task<Account> CreateAsync(Account account, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentException.ThrowIfNullOrWhiteSpace(account.FullName, nameof(account));
        StateKeys.Id(account.Id, nameof(account));
        var normalised = account with { Email = NormaliseEmail(account.Email), FullName = account.FullName.Trim() };
        var path = await organisations.GetPathAsync(account.OrganisationId, cancellationToken)
            ?? throw new InvalidOperationException($"Organisation '{account.OrganisationId}' of account '{account.Id}' does not exist.");
        var table = await tables.GetAsync(TableName, cancellationToken);
        var accountRow = ToEntity(normalised, path);
        var emailRow = new TableEntity(Partition, EmailKey(normalised.Email)) { ["AccountId"] = normalised.Id };
        try
        {
            await table.SubmitTransactionAsync(
                [new TableTransactionAction(TableTransactionActionType.Add, accountRow), new TableTransactionAction(TableTransactionActionType.Add, emailRow)],
                cancellationToken);
        }
        catch (TableTransactionFailedException exception) when (exception.Status == 409)
        {
            if (exception.FailedTransactionActionIndex == 1 || await FindByEmailAsync(normalised.Email, cancellationToken) is not null)
            {
                throw new AccountEmailTakenException($"An account with the e-mail address '{normalised.Email}' already exists.", exception);
            }

            throw new ConcurrencyConflictException($"Account '{normalised.Id}' already exists.", exception);
        }

        return normalised;
    }

    /// <summary>The account, or null.</summary>
    public async Task<Loaded<Account>?> GetAsync(string accountId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(accountId) || !IsKeySafe(accountId))
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + accountId, cancellationToken: cancellationToken);
        return response.HasValue && response.Value is { } entity ? new Loaded<Account>(FromEntity(entity), entity.ETag) : null;
    }

    /// <summary>The account with <paramref name="email"/> (compared as <see cref="NormaliseEmail"/> writes it), or null; also null for a malformed address.</summary>
    public async Task<Loaded<Account>?> FindByEmailAsync(string? email, CancellationToken cancellationToken = default)
    {
        if (!EmailAddress.IsValid(email))
        {
            return null;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(Partition, EmailKey(NormaliseEmail(email)), cancellationToken: cancellationToken);
        return index.HasValue && index.Value?.GetString("AccountId") is { } accountId
            ? await GetAsync(accountId, cancellationToken)
            : null;
    }

    /// <summary>
    /// Every account in the subtree of <paramref name="organisationId"/> (the organisation and those below it), or every
    /// account when it is null; ordered by organisation path, then full name.
    /// </summary>
    public async IAsyncEnumerable<Account> ListAsync(string? organisationId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(TableName, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {IdPrefix} and RowKey lt {"id;"}");
        var found = new List<(string Path, Account Account)>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var path = entity.GetString("OrganisationPath") ?? string.Empty;
            if (organisationId is null || path.Split('|').Contains(organisationId, StringComparer.Ordinal))
            {
                found.Add((path, FromEntity(entity)));
            }
        }

        foreach (var (_, account) in found
            .OrderBy(a => a.Path, StringComparer.Ordinal)
            .ThenBy(a => a.Account.FullName, StringComparer.Create(CultureInfo.GetCultureInfo("vi-VN"), ignoreCase: true)))
        {
            yield return account;
        }
    }

    /// <summary>
    /// Disables (<paramref name="disabledAt"/> set) or enables (null) the account, if its row still has
    /// <paramref name="ifMatch"/>. Only the disabled fields change.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The row changed since it was loaded, or is gone.</exception>
    public async Task<ETag> SetDisabledAsync(
        string accountId, DateTimeOffset? disabledAt, string? disabledBy, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var table = await tables.GetAsync(TableName, cancellationToken);
        var stored = await table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + accountId, cancellationToken: cancellationToken);
        if (!stored.HasValue || stored.Value is not { } entity || entity.ETag != ifMatch)
        {
            throw new ConcurrencyConflictException($"Account '{accountId}' changed since it was loaded.");
        }

        // Replace, not merge: a merge cannot remove the disabled fields when the account is enabled again.
        var before = FromEntity(entity);
        var account = before with
        {
            DisabledAt = disabledAt,
            DisabledBy = disabledAt is null ? null : disabledBy ?? string.Empty,
            SessionsValidFrom = disabledAt ?? before.SessionsValidFrom,
        };
        var replacement = ToEntity(account, entity.GetString("OrganisationPath") ?? account.OrganisationId);
        try
        {
            var response = await table.UpdateEntityAsync(replacement, ifMatch, TableUpdateMode.Replace, cancellationToken);
            return response.Headers.ETag.GetValueOrDefault();
        }
        catch (RequestFailedException exception) when (exception.Status is 404 or 412)
        {
            throw new ConcurrencyConflictException($"Account '{accountId}' changed since it was loaded.", exception);
        }
    }

    /// <summary>
    /// Ends every session of the account started before <paramref name="at"/> (<see cref="Account.SessionsValidFrom"/>);
    /// a later instant already recorded is kept. False when there is no such account.
    /// </summary>
    public async Task<bool> EndSessionsAsync(string accountId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        var table = await tables.GetAsync(TableName, cancellationToken);
        while (true)
        {
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(Partition, IdPrefix + accountId, cancellationToken: cancellationToken);
            if (!stored.HasValue || stored.Value is not { } entity)
            {
                return false;
            }

            if (entity.GetDateTimeOffset("SessionsValidFrom") is { } recorded && recorded >= at)
            {
                return true;
            }

            try
            {
                await table.UpdateEntityAsync(new TableEntity(Partition, entity.RowKey) { ["SessionsValidFrom"] = at }, entity.ETag, TableUpdateMode.Merge, cancellationToken);
                return true;
            }
            catch (RequestFailedException exception) when (exception.Status == 412)
            {
                // Changed meanwhile: read it again.
            }
            catch (RequestFailedException exception) when (exception.Status == 404)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Records that the sign-in link <paramref name="linkId"/> has been used, once: true for the first call, false for
    /// every later one (the row exists). Safe under races: the insert fails for all but one caller.
    /// </summary>
    public async Task<bool> MarkSignInLinkUsedAsync(string linkId, string accountId, DateTimeOffset usedAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(linkId);
        if (!IsKeySafe(linkId))
        {
            return false;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        try
        {
            await table.AddEntityAsync(new TableEntity(UsedLinksPartition, linkId) { ["AccountId"] = accountId, ["UsedAt"] = usedAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    /// <summary>True when the sign-in link <paramref name="linkId"/> has been used.</summary>
    public async Task<bool> IsSignInLinkUsedAsync(string linkId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(linkId) || !IsKeySafe(linkId))
        {
            return true;
        }

        var table = await tables.GetAsync(TableName, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(UsedLinksPartition, linkId, ["PartitionKey"], cancellationToken);
        return response.HasValue;
    }

    private static bool IsKeySafe(string key) =>
        key.Length <= 200 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    // Escaped so that the characters a row key may not hold ('/', '#', '?', '\') cannot occur; deterministic.
    private static string EmailKey(string normalisedEmail) => EmailPrefix + Uri.EscapeDataString(normalisedEmail);

    private static TableEntity ToEntity(Account account, string organisationPath) => new(Partition, IdPrefix + account.Id)
    {
        ["FullName"] = account.FullName,
        ["Email"] = account.Email,
        ["OrganisationId"] = account.OrganisationId,
        ["OrganisationPath"] = organisationPath,
        ["Role"] = account.Role.ToString(),
        ["CreatedAt"] = account.CreatedAt,
        ["CreatedBy"] = account.CreatedBy,
        ["DisabledAt"] = account.DisabledAt,
        ["DisabledBy"] = account.DisabledBy,
        ["SessionsValidFrom"] = account.SessionsValidFrom,
    };

    private static Account FromEntity(TableEntity entity) => new(
        entity.RowKey[IdPrefix.Length..],
        entity.GetString("FullName")!,
        entity.GetString("Email")!,
        entity.GetString("OrganisationId")!,
        Enum.Parse<ApiRole>(entity.GetString("Role")!),
        entity.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        entity.GetString("CreatedBy") ?? string.Empty)
    {
        DisabledAt = entity.GetDateTimeOffset("DisabledAt"),
        DisabledBy = entity.GetString("DisabledBy"),
        SessionsValidFrom = entity.GetDateTimeOffset("SessionsValidFrom"),
    };
}
