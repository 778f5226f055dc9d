using System.Security.Claims;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.Security;

/// <summary>
/// Which organisations a caller may see or act for: an administrator every one; any other caller its own
/// organisation and the organisations below it (its subtree), nothing above or beside it.
/// </summary>
public sealed class OrganisationAccess(OrganisationStore organisations)
{
    /// <summary>
    /// True when <paramref name="user"/> may reach <paramref name="organisationId"/>. False as well when the
    /// organisation does not exist, so a caller cannot tell "not yours" from "not there".
    /// </summary>
    public async Task<bool> CanReachAsync(ClaimsPrincipal user, string organisationId, CancellationToken cancellationToken = default) =>
        await ReachablePathAsync(user, organisationId, cancellationToken) is not null;

    /// <summary>
    /// The organisation's materialized path when <paramref name="user"/> may reach it (<see cref="CanReachAsync"/>),
    /// otherwise null; for a caller that goes on to read the subtree at that path.
    /// </summary>
    public async Task<string?> ReachablePathAsync(ClaimsPrincipal user, string organisationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationId);
        var role = user.GetApiRole();
        if (role is null)
        {
            return null;
        }

        string? path = await organisations.GetPathAsync(organisationId, cancellationToken);
        if (path is null)
        {
            return null;
        }

        return ReachesPath(user, path) ? path : null;
    }

    /// <summary>
    /// The rule of <see cref="CanReachAsync"/> for an organisation whose materialized path the caller already read
    /// (<c>OrganisationStore</c>'s stored row): no further read.
    /// </summary>
    public static bool ReachesPath(ClaimsPrincipal user, string path)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(path);
        return user.GetApiRole() switch
        {
            null => false,
            ApiRole.Administrator => true,
            _ => user.GetOrganisationId() is { } own && path.Split('|').Contains(own, StringComparer.Ordinal),
        };
    }

    /// <summary>
    /// The rule of <see cref="CanReachAsync"/> against a tree the caller already read, for checking many
    /// organisations at once (an import): false as well for an organisation not in <paramref name="tree"/>.
    /// </summary>
    public static bool CanReach(ClaimsPrincipal user, OrganisationTree tree, string organisationId)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(tree);
        var role = user.GetApiRole();
        if (role is null || !tree.Contains(organisationId))
        {
            return false;
        }

        return role == ApiRole.Administrator || (user.GetOrganisationId() is { } own && tree.IsInSubtree(organisationId, own));
    }
}
