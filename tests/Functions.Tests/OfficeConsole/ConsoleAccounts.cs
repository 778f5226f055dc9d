using Microsoft.Extensions.DependencyInjection;
using QuyCheWorkflow.Functions.OfficeConsole.Accounts;
using QuyCheWorkflow.Functions.Security;

namespace QuyCheWorkflow.Functions.Tests.OfficeConsole;

/// <summary>Console accounts for tests, made through the app's own <see cref="AccountStore"/>.</summary>
internal static class ConsoleAccounts
{
    /// <summary>
    /// Creates an account in <paramref name="organisationId"/> (which must exist) with <paramref name="role"/>; the
    /// name defaults to "Nguyễn Văn Thử …" and the e-mail to a unique <c>…@kiem-thu.example.vn</c>.
    /// </summary>
    public static async Task<Account> CreateAsync(
        IServiceProvider services,
        string organisationId,
        ApiRole role = ApiRole.Office,
        string? fullName = null,
        string? email = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var time = services.GetRequiredService<TimeProvider>();
        var account = new Account(
            AccountStore.NewId(),
            fullName ?? "Nguyễn Văn Thử " + suffix,
            email ?? $"nguoi-{suffix}@kiem-thu.example.vn",
            organisationId,
            role,
            time.GetUtcNow(),
            "Kiểm thử");
        return await services.GetRequiredService<AccountStore>().CreateAsync(account, cancellationToken);
    }
}
