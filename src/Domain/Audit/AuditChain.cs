using System.Globalization;
using System.Text;

namespace QuyCheWorkflow.Domain.Audit;

/// <summary>
/// A hash chain over audit entries: each entry carries the SHA-256 of the previous entry's canonical form,
/// so editing, removing or reordering an entry breaks the link of the entry after it. The last entry is
/// protected only by the head hash (<see cref="HeadHash"/>), which the app keeps apart (e.g. on the
/// regulation row) and passes to <see cref="Verify"/>. The canonical form is UTF-8 of each field, in a fixed
/// order, prefixed by its length, with the time as UTC ISO 8601 ("O"); it never changes, or old chains
/// would no longer verify.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    /// <summary>A new entry linked to the last of <paramref name="chain"/>; append it to the chain.</summary>
    public static AuditEntry Append(IReadOnlyList<AuditEntry> chain, string actor, DateTimeOffset at, string action, string origin, string subject)
    {
        ArgumentNullException.ThrowIfNull(chain);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(subject);
        return new AuditEntry(actor, at.ToUniversalTime(), action, origin, subject, HeadHash(chain));
    }

    /// <summary>The hash the next entry must carry: of the last entry, or <see cref="GenesisHash"/> for an empty chain.</summary>
    public static string HeadHash(IReadOnlyList<AuditEntry> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        return chain.Count == 0 ? GenesisHash : Hash(chain[^1]);
    }

    /// <summary>SHA-256 (lower-case hex) of <paramref name="entry"/>'s canonical form.</summary>
    public static string Hash(AuditEntry entry) => ContentHash.Of(CanonicalForm(entry)).Value;

    /// <summary>
    /// Checks every link. With <paramref name="expectedHeadHash"/> (the head stored when the last entry was
    /// appended) it also detects an edited or removed last entry.
    /// </summary>
    public static AuditVerification Verify(IReadOnlyList<AuditEntry> entries, string? expectedHeadHash = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        string expected = GenesisHash;
        for (int i = 0; i < entries.Count; i++)
        {
            if (!string.Equals(entries[i].PreviousHash, expected, StringComparison.OrdinalIgnoreCase))
            {
                return AuditVerification.BrokenAt(i);
            }

            expected = Hash(entries[i]);
        }

        return expectedHeadHash is not null && !string.Equals(expectedHeadHash, expected, StringComparison.OrdinalIgnoreCase)
            ? AuditVerification.BrokenAt(entries.Count)
            : AuditVerification.Valid;
    }

    private static byte[] CanonicalForm(AuditEntry entry)
    {
        StringBuilder builder = new();
        foreach (string field in (string[])[
            entry.PreviousHash.ToLowerInvariant(),
            entry.Actor,
            entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.Action,
            entry.Origin,
            entry.Subject])
        {
            builder.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
