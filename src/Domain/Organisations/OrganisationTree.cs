namespace QuyCheWorkflow.Domain.Organisations;

/// <summary>
/// Answers "is X in the subtree of Y" from parent links only. An organisation is in its own subtree. An upper
/// level office sees exactly the organisations in its subtree. Construction rejects unknown parents and
/// cycles, so every walk up the tree terminates.
/// </summary>
public sealed class OrganisationTree
{
    private readonly Dictionary<string, string?> _parentOf;

    /// <param name="parentLinks">Each organisation id with its parent id (null for a root).</param>
    /// <exception cref="DomainException">A parent that is not in the list, a duplicate id, or a cycle.</exception>
    public OrganisationTree(IEnumerable<KeyValuePair<string, string?>> parentLinks)
    {
        ArgumentNullException.ThrowIfNull(parentLinks);
        _parentOf = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach ((string id, string? parent) in parentLinks)
        {
            if (!_parentOf.TryAdd(id, parent))
            {
                throw new DomainException(RefusalCode.OrganisationRepeated, $"Organisation '{id}' appears twice in the tree.",
                    new Dictionary<string, string> { ["organisationId"] = id });
            }
        }

        foreach ((string id, string? parent) in _parentOf)
        {
            if (parent is not null && !_parentOf.ContainsKey(parent))
            {
                throw new DomainException(RefusalCode.OrganisationParentUnknown, $"Organisation '{id}' has unknown parent '{parent}'.",
                    new Dictionary<string, string> { ["organisationId"] = id, ["parentId"] = parent });
            }
        }

        foreach (string id in _parentOf.Keys)
        {
            EnsureNoCycleFrom(id);
        }
    }

    /// <summary>Builds the tree from organisations.</summary>
    public static OrganisationTree From(IEnumerable<Organisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(organisations);
        return new OrganisationTree(organisations.Select(o => new KeyValuePair<string, string?>(o.Id, o.ParentId)));
    }

    public bool Contains(string id) => _parentOf.ContainsKey(id);

    /// <summary>The parent of <paramref name="id"/>, or null for a root.</summary>
    public string? ParentOf(string id) => _parentOf.TryGetValue(id, out string? parent)
        ? parent
        : throw new DomainException(RefusalCode.OrganisationNotInTree, $"Organisation '{id}' is not in the tree.",
            new Dictionary<string, string> { ["organisationId"] = id });

    /// <summary>True when <paramref name="id"/> is <paramref name="rootId"/> or one of its descendants.</summary>
    /// <exception cref="DomainException"><paramref name="id"/> is not in the tree.</exception>
    public bool IsInSubtree(string id, string rootId)
    {
        for (string? current = id; current is not null; current = ParentOf(current))
        {
            if (current == rootId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>All organisations in the subtree of <paramref name="rootId"/>, the root included, in id order.</summary>
    public IReadOnlyList<string> Subtree(string rootId)
    {
        _ = ParentOf(rootId);
        return [.. _parentOf.Keys.Where(id => IsInSubtree(id, rootId)).Order(StringComparer.Ordinal)];
    }

    private void EnsureNoCycleFrom(string start)
    {
        HashSet<string> seen = new(StringComparer.Ordinal);
        for (string? current = start; current is not null; current = _parentOf[current])
        {
            if (!seen.Add(current))
            {
                throw new DomainException(RefusalCode.OrganisationCycle, $"The parent links starting at '{start}' form a cycle.",
                    new Dictionary<string, string> { ["organisationId"] = start });
            }
        }
    }
}
