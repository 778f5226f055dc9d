using System.Security.Claims;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Office.Import;

/// <summary>
/// Turns validated import rows into steps against the stored tree (nothing written while planning), then writes
/// them through <see cref="OrganisationWorkflow"/>, as the single-organisation endpoints do: parents before children,
/// each change audited on the organisation's chain and its status row refreshed. A row equal to what is stored is a
/// no-op (no write, no audit entry).
/// </summary>
public sealed class OrganisationImporter(OrganisationStore store, OrganisationWorkflow organisations)
{
    /// <summary>Writes in flight at once; each is a handful of storage requests (row, parent, audit, status).</summary>
    private const int MaxConcurrentWrites = 8;

    /// <summary>
    /// Reads an organisations file (<see cref="OrganisationCsv"/>) and plans its steps for <paramref name="user"/>, as
    /// every caller imports it (the API, the console's upload): nothing is written. Faults go to
    /// <paramref name="errors"/> under "tệp", "dòng N" or "dòng N, cột c" keys; the plan is empty when there is any.
    /// </summary>
    internal async Task<IReadOnlyList<ImportStep>> PlanOrganisationsAsync(
        ClaimsPrincipal user, ReadOnlyMemory<byte> csv, int maxRows, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (Open(csv, OrganisationCsv.RequiredColumns, OrganisationCsv.OptionalColumns, maxRows, errors) is not { } sheet)
        {
            return [];
        }

        var rows = OrganisationCsv.Parse(sheet, errors);
        var steps = errors.Count == 0 ? await PlanOrganisationsAsync(user, rows, errors, cancellationToken) : [];
        return errors.Count == 0 ? steps : [];
    }

    /// <summary>
    /// Reads a members file (<see cref="CommitteeCsv"/>) and plans its steps for <paramref name="user"/>, as
    /// <see cref="PlanOrganisationsAsync(ClaimsPrincipal, ReadOnlyMemory{byte}, int, Dictionary{string, string[]}, CancellationToken)"/> does.
    /// </summary>
    internal async Task<IReadOnlyList<ImportStep>> PlanCommitteesAsync(
        ClaimsPrincipal user, ReadOnlyMemory<byte> csv, int maxRows, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (Open(csv, CommitteeCsv.RequiredColumns, [], maxRows, errors) is not { } sheet)
        {
            return [];
        }

        var groups = CommitteeCsv.Parse(sheet, errors);
        var steps = errors.Count == 0 ? await PlanCommitteesAsync(user, groups, errors, cancellationToken) : [];
        return errors.Count == 0 ? steps : [];
    }

    internal async Task<IReadOnlyList<ImportStep>> PlanOrganisationsAsync(
        ClaimsPrincipal user, IReadOnlyList<OrganisationRow> rows, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var (existing, tree) = await LoadAsync(cancellationToken);
        Dictionary<string, OrganisationRow> newRows = rows.Where(r => !existing.ContainsKey(r.Id)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        Dictionary<string, ImportStep> steps = new(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (existing.TryGetValue(row.Id, out var loaded))
            {
                if (Update(user, tree, row, loaded, errors) is { } step)
                {
                    steps[row.Id] = step;
                }

                continue;
            }

            if (row.Secretary is null)
            {
                errors[Key(row, OrganisationCsv.SecretaryId)] = [
                    "Tổ chức mới cần Bí thư: điền secretaryId, secretaryName, secretaryEmail (các ủy viên khác nhập sau bằng tệp ủy viên)."];
            }

            if (row.ParentId is null)
            {
                if (user.GetApiRole() != ApiRole.Administrator)
                {
                    errors[Key(row, OrganisationCsv.ParentId)] = ["Chỉ quản trị hệ thống được tạo tổ chức gốc (không có cấp trên)."];
                }
            }
            else if (!newRows.ContainsKey(row.ParentId) && !OrganisationAccess.CanReach(user, tree, row.ParentId))
            {
                errors[Key(row, OrganisationCsv.ParentId)] = [
                    $"Không tìm thấy tổ chức cấp trên '{row.ParentId}' trong tệp hay trong phạm vi tổ chức của bạn."];
            }

            if (row.Secretary is not null)
            {
                Organisation organisation = new(row.Id, row.Name, row.Code, row.Type, row.ParentId, row.Term, new StandingCommittee([row.Secretary]))
                {
                    OfficeEmail = row.OfficeEmail,
                    CommitteeName = row.CommitteeName,
                };
                steps[row.Id] = new ImportStep(ImportChange.Create, organisation, null);
            }
        }

        // Rows in file order, except that a new organisation comes after the new parent it names.
        List<ImportStep> ordered = [];
        HashSet<string> placed = new(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            List<OrganisationRow> chain = [];
            HashSet<string> inChain = new(StringComparer.Ordinal);
            var cycle = false;
            for (var current = row; current is not null && !placed.Contains(current.Id);
                 current = current.ParentId is { } parent && newRows.TryGetValue(parent, out var next) ? next : null)
            {
                if (!inChain.Add(current.Id))
                {
                    cycle = true;
                    break;
                }

                chain.Add(current);
            }

            foreach (var link in chain)
            {
                placed.Add(link.Id);
                if (cycle)
                {
                    errors[Key(link, OrganisationCsv.ParentId)] = [$"Các tổ chức mới tạo thành vòng cấp trên: {string.Join(" → ", chain.Select(c => c.Id))}."];
                }
            }

            chain.Reverse();
            ordered.AddRange(chain.Where(c => steps.ContainsKey(c.Id)).Select(c => steps[c.Id]));
        }

        return ordered;
    }

    internal async Task<IReadOnlyList<ImportStep>> PlanCommitteesAsync(
        ClaimsPrincipal user, IReadOnlyList<CommitteeGroup> groups, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        var (existing, tree) = await LoadAsync(cancellationToken);
        List<ImportStep> steps = [];
        foreach (var group in groups)
        {
            if (!existing.TryGetValue(group.OrganisationId, out var loaded) || !OrganisationAccess.CanReach(user, tree, group.OrganisationId))
            {
                errors[ImportSheet.ErrorKey(group.Lines[0], CommitteeCsv.OrganisationId)] = [
                    $"Không tìm thấy tổ chức '{group.OrganisationId}' trong phạm vi tổ chức của bạn; đề nghị nhập tổ chức trước."];
                continue;
            }

            var organisation = loaded.Value;
            steps.Add(organisation.Committee.Members.SequenceEqual(group.Committee.Members)
                ? new ImportStep(ImportChange.Unchanged, organisation, loaded.ETag, ReplacesCommittee: true)
                : new ImportStep(ImportChange.Update, organisation with { Committee = group.Committee }, loaded.ETag, ReplacesCommittee: true));
        }

        return steps;
    }

    /// <summary>
    /// Writes the steps, a few at a time: first every update and every new organisation whose parent exists, then
    /// the new organisations below those, and so on. Each organisation has its own audit chain and status row, so
    /// writes of one wave do not meet. An organisation changed meanwhile by someone else stops the import.
    /// </summary>
    /// <exception cref="ImportInterruptedException">A write met a concurrent change.</exception>
    internal async Task<ImportSummary> ApplyAsync(Actor actor, IReadOnlyList<ImportStep> steps, CancellationToken cancellationToken)
    {
        var written = 0;
        ParallelOptions parallel = new() { MaxDegreeOfParallelism = MaxConcurrentWrites, CancellationToken = cancellationToken };
        foreach (var wave in Waves(steps))
        {
            await Parallel.ForEachAsync(wave, parallel, async (step, ct) =>
            {
                var organisation = step.Organisation;
                try
                {
                    if (step.Change == ImportChange.Create)
                    {
                        await organisations.CreateAsync(organisation, actor, ct);
                    }
                    else if (step.ReplacesCommittee)
                    {
                        await organisations.ReplaceCommitteeAsync(organisation.Id, organisation.Committee, actor, step.ETag, ct);
                    }
                    else
                    {
                        OrganisationChanges changes = new()
                        {
                            Name = organisation.Name,
                            Code = organisation.Code,
                            Type = organisation.Type,
                            ChangesOfficeEmail = true,
                            OfficeEmail = organisation.OfficeEmail,
                            ChangesCommitteeName = true,
                            CommitteeName = organisation.HasOwnCommitteeName ? organisation.CommitteeName : null,
                        };
                        await organisations.UpdateAsync(organisation.Id, changes, actor, step.ETag, ct);
                    }
                }
                catch (Exception exception) when (exception is ConcurrencyConflictException or LifecycleNotFoundException or DomainException)
                {
                    throw new ImportInterruptedException(Volatile.Read(ref written), organisation.Id, exception);
                }

                Interlocked.Increment(ref written);
            });
        }

        List<string> IdsOf(ImportChange change) => [.. steps.Where(s => s.Change == change).Select(s => s.Organisation.Id)];
        var created = IdsOf(ImportChange.Create);
        var updated = IdsOf(ImportChange.Update);
        var unchanged = IdsOf(ImportChange.Unchanged);
        return new ImportSummary(created.Count, updated.Count, unchanged.Count, created, updated, unchanged);
    }

    private static ImportStep? Update(
        ClaimsPrincipal user, OrganisationTree tree, OrganisationRow row, Loaded<Organisation> loaded, Dictionary<string, string[]> errors)
    {
        if (!OrganisationAccess.CanReach(user, tree, row.Id))
        {
            errors[Key(row, OrganisationCsv.Id)] = [$"Mã tổ chức '{row.Id}' đã được dùng."];
            return null;
        }

        var stored = loaded.Value;
        var valid = true;
        if (row.ParentId != stored.ParentId)
        {
            errors[Key(row, OrganisationCsv.ParentId)] = [
                $"Tổ chức đã có với cấp trên '{stored.ParentId ?? "(không có)"}'; không chuyển được tổ chức sang cấp trên khác."];
            valid = false;
        }

        if (row.Term != stored.CurrentTerm)
        {
            errors[Key(row, OrganisationCsv.Term)] = [
                $"Nhiệm kỳ hiện tại là {stored.CurrentTerm}; vào nhiệm kỳ mới qua POST {OrganisationsApi.Path}/{{id}}/terms cùng Ban Thường vụ mới."];
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        var changed = stored with
        {
            Name = row.Name,
            Code = row.Code,
            Type = row.Type,
            OfficeEmail = row.HasOfficeEmail ? row.OfficeEmail : stored.OfficeEmail,
        };
        if (row.HasCommitteeName)
        {
            changed = changed with { CommitteeName = row.CommitteeName };
        }

        return changed == stored
            ? new ImportStep(ImportChange.Unchanged, stored, loaded.ETag)
            : new ImportStep(ImportChange.Update, changed, loaded.ETag);
    }

    /// <summary>The changes in waves: a new organisation one wave after the new parent it names.</summary>
    private static List<List<ImportStep>> Waves(IReadOnlyList<ImportStep> steps)
    {
        Dictionary<string, int> waveOf = new(StringComparer.Ordinal);
        List<List<ImportStep>> waves = [];
        foreach (var step in steps.Where(s => s.Change != ImportChange.Unchanged))
        {
            // Steps are planned parents first, so a new parent's wave is known when its child comes.
            var wave = step.Change == ImportChange.Create && step.Organisation.ParentId is { } parent && waveOf.TryGetValue(parent, out var above)
                ? above + 1
                : 0;
            waveOf[step.Organisation.Id] = wave;
            if (wave == waves.Count)
            {
                waves.Add([]);
            }

            waves[wave].Add(step);
        }

        return waves;
    }

    private static ImportSheet? Open(
        ReadOnlyMemory<byte> csv, IReadOnlyList<string> required, IReadOnlyList<string> optional, int maxRows, Dictionary<string, string[]> errors)
    {
        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvRecordReader.Read(csv);
        }
        catch (MalformedCsvException exception)
        {
            errors[exception.Line == 0 ? ImportSheet.FileKey : ImportSheet.LineKey(exception.Line)] = [exception.Message];
            return null;
        }

        return ImportSheet.Open(records, required, optional, maxRows, errors);
    }

    private static string Key(OrganisationRow row, string column) => ImportSheet.ErrorKey(row.Line, column);

    private async Task<(Dictionary<string, Loaded<Organisation>> Existing, OrganisationTree Tree)> LoadAsync(CancellationToken cancellationToken)
    {
        Dictionary<string, Loaded<Organisation>> existing = new(StringComparer.Ordinal);
        await foreach (var loaded in store.ListAsync(cancellationToken))
        {
            existing[loaded.Value.Id] = loaded;
        }

        return (existing, OrganisationTree.From(existing.Values.Select(l => l.Value)));
    }
}
