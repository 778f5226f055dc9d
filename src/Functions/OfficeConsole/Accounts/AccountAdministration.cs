using System.Security.Claims;
using System.Text.Json;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.OfficeConsole.Accounts;

/// <summary>
/// The rules for managing accounts, the one path the console's pages and <c>/api/accounts</c> both take. Only
/// upper-level offices and administrators manage accounts: an upper-level office those of its own subtree, and only
/// with the roles <see cref="ApiRole.Office"/> and <see cref="ApiRole.UpperLevelOffice"/>; an administrator every
/// account. Every change is audited on the chain of the account's organisation under the actor's name.
/// </summary>
public sealed class AccountAdministration(
    AccountStore accounts, OrganisationStore organisations, OrganisationAccess access, AuditLog audit, TimeProvider timeProvider)
{
    /// <summary>True when <paramref name="user"/> may manage accounts at all.</summary>
    public static bool CanManage(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.GetApiRole() is ApiRole.UpperLevelOffice or ApiRole.Administrator;
    }

    /// <summary>The roles <paramref name="user"/> may give.</summary>
    public static IReadOnlyList<ApiRole> GrantableRoles(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.GetApiRole() switch
        {
            ApiRole.Administrator => [ApiRole.Office, ApiRole.UpperLevelOffice, ApiRole.Administrator],
            ApiRole.UpperLevelOffice => [ApiRole.Office, ApiRole.UpperLevelOffice],
            _ => [],
        };
    }

    /// <summary>The accounts <paramref name="user"/> manages (administrators: all; upper-level offices: their subtree; others: none).</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanManage(user))
        {
            return [];
        }

        var scope = user.GetApiRole() == ApiRole.Administrator ? null : user.GetOrganisationId();
        if (scope is null && user.GetApiRole() != ApiRole.Administrator)
        {
            return [];
        }

        var found = new List<Account>();
        await foreach (var account in accounts.ListAsync(scope, cancellationToken))
        {
            found.Add(account);
        }

        return found;
    }

    /// <summary>The organisations <paramref name="user"/> may create accounts in, ordered as the tree reads (parents first).</summary>
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanManage(user))
        {
            return [];
        }

        var all = new List<Organisation>();
        await foreach (var loaded in organisations.ListAsync(cancellationToken))
        {
            all.Add(loaded.Value);
        }

        var tree = OrganisationTree.From(all);
        var byId = all.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var roots = user.GetApiRole() == ApiRole.Administrator
            ? all.Where(o => o.ParentId is null || !byId.ContainsKey(o.ParentId)).Select(o => o.Id).Order(StringComparer.Ordinal).ToList()
            : user.GetOrganisationId() is { } own && tree.Contains(own) ? [own] : [];
        return [.. roots.SelectMany(tree.Subtree).Distinct(StringComparer.Ordinal).Select(id => byId[id])];
    }

    /// <summary>The account when <paramref name="user"/> manages it, otherwise null (so "not yours" reads as "not there").</summary>
    public async Task<Loaded<Account>?> GetAsync(ClaimsPrincipal user, string accountId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!CanManage(user) || string.IsNullOrWhiteSpace(accountId) || !IdSyntax.IsValid(accountId))
        {
            return null;
        }

        var loaded = await accounts.GetAsync(accountId, cancellationToken);
        return loaded is not null && await access.CanReachAsync(user, loaded.Value.OrganisationId, cancellationToken) ? loaded : null;
    }

    /// <summary>
    /// Creates an account as <paramref name="actor"/> (for <paramref name="user"/>'s rights), and audits it. Not
    /// idempotent by itself (each call makes a new id; the same e-mail twice is refused): the API runs it under an
    /// <c>Idempotency-Key</c>.
    /// </summary>
    /// <exception cref="AccountRequestException">A field is missing or wrong, the organisation is out of reach, the role may not be given, or the e-mail has an account.</exception>
    public async Task<Account> CreateAsync(ClaimsPrincipal user, Actor actor, NewAccount request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        if (!CanManage(user))
        {
            throw new AccountRequestException(string.Empty, "Chỉ văn phòng cấp ủy cấp trên và quản trị hệ thống được tạo tài khoản.");
        }

        var errors = Check(user, request, out var fullName, out var email, out var organisationId, out var role);
        if (errors.Count == 0 && !await access.CanReachAsync(user, organisationId!, cancellationToken))
        {
            errors.Add((AccountFields.OrganisationId, "Tổ chức không tồn tại hoặc không thuộc phạm vi quản lý của đồng chí."));
        }

        if (errors.Count > 0)
        {
            throw new AccountRequestException(errors[0].Field, errors[0].Message);
        }

        Account created;
        try
        {
            created = await accounts.CreateAsync(
                new Account(AccountStore.NewId(), fullName!, email!, organisationId!, role!.Value, timeProvider.GetUtcNow(), actor.Display),
                cancellationToken);
        }
        catch (AccountEmailTakenException)
        {
            throw new AccountRequestException(AccountFields.Email, "Địa chỉ thư điện tử này đã có tài khoản.");
        }

        await AuditAsync(actor, "account.created", created, new { created.FullName, created.Email, Role = created.Role.ToString() }, cancellationToken);
        return created;
    }

    /// <summary>
    /// Disables (or enables) an account <paramref name="user"/> manages, as <paramref name="actor"/>, and audits it.
    /// Idempotent: disabling a disabled account (or enabling an enabled one) changes nothing and is not audited again.
    /// </summary>
    /// <returns>The account as it is now, or null when <paramref name="user"/> does not manage it.</returns>
    /// <exception cref="AccountRequestException">An upper-level office touching an administrator, or a person disabling themself.</exception>
    public async Task<Account?> SetDisabledAsync(
        ClaimsPrincipal user, Actor actor, string accountId, bool disabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        for (var attempt = 1; ; attempt++)
        {
            if (await GetAsync(user, accountId, cancellationToken) is not { } loaded)
            {
                return null;
            }

            var account = loaded.Value;
            if (account.Role == ApiRole.Administrator && user.GetApiRole() != ApiRole.Administrator)
            {
                throw new AccountRequestException(string.Empty, "Chỉ quản trị hệ thống được khóa hoặc mở khóa tài khoản quản trị.");
            }

            if (disabled && string.Equals(user.FindFirst(ConsoleUser.AccountIdClaim)?.Value, account.Id, StringComparison.Ordinal))
            {
                throw new AccountRequestException(string.Empty, "Đồng chí không thể tự khóa tài khoản của mình.");
            }

            if (account.IsDisabled == disabled)
            {
                return account;
            }

            var now = timeProvider.GetUtcNow();
            try
            {
                await accounts.SetDisabledAsync(account.Id, disabled ? now : null, actor.Display, loaded.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                continue;
            }

            var changed = account with { DisabledAt = disabled ? now : null, DisabledBy = disabled ? actor.Display : null };
            await AuditAsync(actor, disabled ? "account.disabled" : "account.enabled", changed, null, cancellationToken);
            return changed;
        }
    }

    private static List<(string Field, string Message)> Check(
        ClaimsPrincipal user, NewAccount request, out string? fullName, out string? email, out string? organisationId, out ApiRole? role)
    {
        var errors = new List<(string Field, string Message)>();
        fullName = request.FullName?.Trim();
        if (string.IsNullOrEmpty(fullName))
        {
            errors.Add((AccountFields.FullName, "Đề nghị nhập họ và tên."));
        }
        else if (fullName.Length > AccountFields.MaxFullNameLength || fullName.Any(char.IsControl))
        {
            errors.Add((AccountFields.FullName, $"Họ và tên tối đa {AccountFields.MaxFullNameLength} ký tự, không chứa ký tự điều khiển."));
        }

        email = request.Email?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add((AccountFields.Email, "Đề nghị nhập địa chỉ thư điện tử."));
        }
        else if (!EmailAddress.IsValid(email))
        {
            errors.Add((AccountFields.Email, "Địa chỉ thư điện tử không đúng định dạng (ví dụ: ten@co-quan.vn)."));
        }
        else
        {
            email = AccountStore.NormaliseEmail(email);
        }

        organisationId = request.OrganisationId?.Trim();
        if (string.IsNullOrEmpty(organisationId))
        {
            errors.Add((AccountFields.OrganisationId, "Đề nghị chọn tổ chức."));
        }
        else if (!IdSyntax.IsValid(organisationId))
        {
            errors.Add((AccountFields.OrganisationId, "Tổ chức không tồn tại hoặc không thuộc phạm vi quản lý của đồng chí."));
        }

        role = null;
        var roleText = request.Role?.Trim();
        if (string.IsNullOrEmpty(roleText) || !Enum.GetNames<ApiRole>().Contains(roleText, StringComparer.Ordinal))
        {
            errors.Add((AccountFields.Role, $"Vai trò phải là một trong: {string.Join(", ", GrantableRoles(user))}."));
        }
        else if (!GrantableRoles(user).Contains(Enum.Parse<ApiRole>(roleText)))
        {
            errors.Add((AccountFields.Role, "Đồng chí không được cấp vai trò này; chỉ quản trị hệ thống được tạo tài khoản quản trị."));
        }
        else
        {
            role = Enum.Parse<ApiRole>(roleText);
        }

        return errors;
    }

    private Task<AuditLogEntry> AuditAsync(Actor actor, string action, Account account, object? details, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            account.OrganisationId,
            new AuditRecord(actor.Id, actor.Display, action, [account.Id, account.OrganisationId],
                details is null ? null : JsonSerializer.Serialize(details, StateJson.Options), actor.Origin),
            cancellationToken);
}
