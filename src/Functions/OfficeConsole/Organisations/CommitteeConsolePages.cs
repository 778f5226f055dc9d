using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;

namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>
/// The committee page (<see cref="ConsolePaths.Committee"/>): the standing committee's members with their roles; a
/// member added (the whole committee saved again, as <c>PUT /api/organisations/{id}/committee</c> does), and a member
/// replaced during the term (<see cref="OrganisationWorkflow.ReplaceCommitteeMemberAsync"/>, as the API's
/// replacement endpoint does), and a member who leaves with nobody in their seat taken off (the committee saved again
/// without them). A replacement is shown first with what it does to each open vote round, and runs only when the
/// clerk confirms that page. Open vote rounds keep the members they were opened with when one is added or taken off.
/// </summary>
public static class CommitteeConsolePages
{
    public const string OldMemberField = "oldMemberId";
    public const string MemberIdField = "memberId";
    public const string FullNameField = "fullName";
    public const string EmailField = "email";
    public const string RoleField = "role";
    public const string VersionField = "version";
    public const string ConfirmedField = "confirmed";

    private static readonly string[] s_memberFields = [MemberIdField, FullNameField, EmailField, RoleField];

    // The API's keys of a member's fields, and the refusals that concern one field of these forms.
    private static readonly Dictionary<string, string> s_fieldOf = new(StringComparer.Ordinal)
    {
        ["member.memberId"] = MemberIdField,
        ["member.fullName"] = FullNameField,
        ["member.email"] = EmailField,
        ["member.role"] = RoleField,
        ["member"] = MemberIdField,
    };

    public static IEndpointRouteBuilder MapCommitteeConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.CommitteeTemplate, ShowCommittee).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.CommitteeAddTemplate, AddMember).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.CommitteeReplaceTemplate, ReplaceMember).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.CommitteeRemoveTemplate, RemoveMember).ExcludeFromDescription();
        return endpoints;
    }

    public static async Task<IResult> ShowCommittee(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var loaded = await LoadAsync(organisationId, context, access, organisations, cancellationToken);
        if (loaded is null)
        {
            return ConsolePages.OrganisationNotFound();
        }

        return Render(loaded, AddForm(loaded), ReplaceForm(), Notice(context.Request.Query));
    }

    /// <summary>Adds one member: the committee with the new member, saved under the version the page was read with.</summary>
    public static async Task<IResult> AddMember(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, OrganisationWorkflow workflow,
        CancellationToken cancellationToken)
    {
        var (posted, loaded, answer) = await OpenAsync(organisationId, context, access, organisations, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = ConsoleForm.Posted(posted!, [.. s_memberFields, VersionField]);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var member = ReadMember(form, errors);
        form.Refuse(errors, s_fieldOf);
        if (!form.HasErrors && await SaveAsync(context, workflow, organisationId, form, () => new([.. loaded!.Value.Committee.Members, member!]),
                "them", refusal => Refuse(form, refusal), "chưa thêm ủy viên", cancellationToken) is { } saved)
        {
            return saved;
        }

        var current = await LoadAsync(organisationId, context, access, organisations, cancellationToken) ?? loaded!;
        var shown = ConsoleForm.Posted(posted!, s_memberFields);
        var refilled = ConsoleForm.Of(s_memberFields.Append(VersionField).ToDictionary(f => f, f => (string?)(f == VersionField ? current.ETag.ToString() : shown.Value(f))));
        return Render(current, refilled.CarryErrors(form, s_memberFields), ReplaceForm(), notice: null, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Takes one member off the committee: the committee without them, saved under the version the page was read with.
    /// The domain keeps exactly one secretary, so the secretary is replaced, never taken off.
    /// </summary>
    public static async Task<IResult> RemoveMember(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, OrganisationWorkflow workflow,
        CancellationToken cancellationToken)
    {
        var (posted, loaded, answer) = await OpenAsync(organisationId, context, access, organisations, cancellationToken);
        if (answer is not null)
        {
            return answer;
        }

        var form = ConsoleForm.Posted(posted!, [OldMemberField, VersionField]);
        var leaving = loaded!.Value.Committee.Members.FirstOrDefault(m => m.MemberId == form.Value(OldMemberField).Trim());
        if (leaving is null)
        {
            form.Refuse(OldMemberField, "Đề nghị chọn ủy viên trong danh sách Ban Thường vụ.");
        }
        else if (await SaveAsync(context, workflow, organisationId, form, () => new([.. loaded.Value.Committee.Members.Where(m => m.MemberId != leaving.MemberId)]),
                     "thoi&uy-vien=" + Uri.EscapeDataString(leaving.FullName),
                     refusal => form.Refuse(OldMemberField, leaving.Role == CommitteeRole.Secretary
                         ? "Ban Thường vụ luôn có một Bí thư: đề nghị dùng \"Thay ủy viên trong nhiệm kỳ\" để thay đồng chí Bí thư."
                         : Web.RefusalCatalogue.Describe(refusal).Message),
                     "chưa thực hiện", cancellationToken) is { } saved)
        {
            return saved;
        }

        var current = await LoadAsync(organisationId, context, access, organisations, cancellationToken) ?? loaded;
        return Render(current, AddForm(current), ReplaceForm(), notice: null, StatusCodes.Status400BadRequest,
            RemoveForm(current, form.Value(OldMemberField)).CarryErrors(form, [OldMemberField]));
    }

    /// <summary>The signed-in person's posted form and the organisation they reach, or the answer when either is missing.</summary>
    private static async Task<(IFormCollection? Posted, Loaded<Organisation>? Loaded, IResult? Answer)> OpenAsync(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return (null, null, ConsolePages.SignIn(context));
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        var loaded = await LoadAsync(organisationId, context, access, organisations, cancellationToken);
        return loaded is null ? (posted, null, ConsolePages.OrganisationNotFound()) : (posted, loaded, null);
    }

    /// <summary>
    /// Saves the committee <paramref name="committee"/> builds (the domain's checks run in its constructor) under the
    /// form's version: the answer 303 to the committee page with <paramref name="notice"/>, or 404; null with the form's
    /// message set when refused (<paramref name="refuse"/>) or when the committee changed meanwhile.
    /// </summary>
    private static async Task<IResult?> SaveAsync(HttpContext context, OrganisationWorkflow workflow, string organisationId, ConsoleForm form,
        Func<StandingCommittee> committee, string notice, Action<DomainException> refuse, string notDone, CancellationToken cancellationToken)
    {
        try
        {
            await workflow.ReplaceCommitteeAsync(organisationId, committee(), await OfficeCaller.ActorOfAsync(context, cancellationToken),
                form.Value(VersionField) is { Length: > 0 } version ? new Azure.ETag(version) : null, cancellationToken);
            return new SeeOther($"{ConsolePaths.Committee(organisationId)}?{OrganisationConsolePages.NoticeParameter}={notice}");
        }
        catch (LifecycleNotFoundException)
        {
            return ConsolePages.OrganisationNotFound();
        }
        catch (DomainException refusal)
        {
            refuse(refusal);
        }
        catch (ConcurrencyConflictException)
        {
            form.Refuse(ConsoleForm.FormKey, $"Ban Thường vụ vừa được người khác thay đổi nên {notDone}; danh sách dưới đây là danh sách mới nhất, đề nghị kiểm tra rồi gửi lại.");
        }

        return null;
    }

    /// <summary>
    /// Without <see cref="ConfirmedField"/>: checks the replacement as the command will and shows what it does to each
    /// open vote round, with the form to confirm. With it: gives the seat, in the committee and in those rounds.
    /// </summary>
    public static async Task<IResult> ReplaceMember(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, OrganisationWorkflow workflow,
        RegulationWorkflow regulations, RegulationStore regulationStore, VoteRoundStore votes, TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        var loaded = await LoadAsync(organisationId, context, access, organisations, cancellationToken);
        if (loaded is null)
        {
            return ConsolePages.OrganisationNotFound();
        }

        var form = ConsoleForm.Posted(posted, [OldMemberField, .. s_memberFields]);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var oldMemberId = form.Value(OldMemberField).Trim();
        var oldMember = loaded.Value.Committee.Members.FirstOrDefault(m => m.MemberId == oldMemberId);
        if (oldMember is null)
        {
            errors[OldMemberField] = ["Đề nghị chọn ủy viên được thay trong danh sách Ban Thường vụ."];
        }

        var newMember = ReadMember(form, errors);
        form.Refuse(errors, s_fieldOf);
        if (!form.HasErrors)
        {
            var actor = await OfficeCaller.ActorOfAsync(context, cancellationToken);
            try
            {
                if (posted[ConfirmedField] == "true")
                {
                    var done = await workflow.ReplaceCommitteeMemberAsync(organisationId, oldMemberId, newMember!, actor, cancellationToken);
                    return new SeeOther(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{ConsolePaths.Committee(organisationId)}?{OrganisationConsolePages.NoticeParameter}=thay&vong={done.VoteRounds.Count}"));
                }

                loaded.Value.Committee.Replace(oldMemberId, newMember!);
                var rounds = await regulations.CheckSeatReplacementAsync(organisationId, oldMemberId, newMember!, actor, cancellationToken);
                List<SeatPreview> previews = [];
                foreach (var (regulationId, roundId) in rounds)
                {
                    if (await votes.GetAsync(regulationId, roundId, cancellationToken) is not { } round)
                    {
                        continue;
                    }

                    var change = VoteRound.FromState(round.Value).ReplaceMember(oldMemberId, newMember!, actor.Id, timeProvider.GetUtcNow());
                    var title = (await regulationStore.GetAsync(organisationId, regulationId, cancellationToken))?.Value.Title ?? regulationId;
                    previews.Add(new SeatPreview(regulationId, title, round.Value.DraftVersion, round.Value.Deadline,
                        change.RemovedBallot is { } ballot ? VoteChoiceText.Label(ballot.Choice) : null, change.StatusAfter != VoteRoundStatus.Open));
                }

                return ConsolePages.Page<MemberReplacementPage>(new()
                {
                    [nameof(MemberReplacementPage.Organisation)] = loaded.Value,
                    [nameof(MemberReplacementPage.OldMember)] = oldMember,
                    [nameof(MemberReplacementPage.NewMember)] = newMember,
                    [nameof(MemberReplacementPage.Rounds)] = previews,
                });
            }
            catch (LifecycleNotFoundException)
            {
                return ConsolePages.OrganisationNotFound();
            }
            catch (DomainException refusal)
            {
                Refuse(form, refusal);
            }
            catch (ConcurrencyConflictException)
            {
                form.Refuse(ConsoleForm.FormKey, "Ban Thường vụ hoặc một đợt biểu quyết vừa thay đổi đồng thời; đề nghị thử lại.");
            }
        }

        var current = await LoadAsync(organisationId, context, access, organisations, cancellationToken) ?? loaded;
        return Render(current, AddForm(current), form, notice: null, StatusCodes.Status400BadRequest);
    }

    private static CommitteeMember? ReadMember(ConsoleForm form, Dictionary<string, string[]> errors) =>
        OrganisationFields.Member(
            new CommitteeMemberRequest(form.Value(MemberIdField), form.Value(FullNameField), form.Value(EmailField), form.Value(RoleField)),
            "member", errors);

    private static void Refuse(ConsoleForm form, DomainException refusal)
    {
        var field = refusal.Code switch
        {
            RefusalCode.CommitteeMemberRepeated or RefusalCode.CommitteeMemberAlreadyOn or RefusalCode.CommitteeReplacementSameMember => MemberIdField,
            RefusalCode.CommitteeSecretaryCount or RefusalCode.CommitteeSecretarySeat => RoleField,
            RefusalCode.CommitteeMemberNotFound => OldMemberField,
            _ => null,
        };
        if (field is not null && form.Has(field))
        {
            form.Refuse(field, Web.RefusalCatalogue.Describe(refusal).Message);
        }
        else
        {
            ConsolePages.Refuse(form, refusal);
        }
    }

    private static async Task<Loaded<Organisation>?> LoadAsync(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, CancellationToken cancellationToken) =>
        await ConsolePages.ReachesAsync(context, access, organisationId, cancellationToken)
            ? await organisations.GetAsync(organisationId, cancellationToken)
            : null;

    private static ConsoleForm AddForm(Loaded<Organisation> loaded) => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [MemberIdField] = null,
        [FullNameField] = null,
        [EmailField] = null,
        [RoleField] = nameof(CommitteeRole.Member),
        [VersionField] = loaded.ETag.ToString(),
    });

    private static ConsoleForm RemoveForm(Loaded<Organisation> loaded, string? memberId = null) => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [OldMemberField] = memberId,
        [VersionField] = loaded.ETag.ToString(),
    });

    private static ConsoleForm ReplaceForm() => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [OldMemberField] = null,
        [MemberIdField] = null,
        [FullNameField] = null,
        [EmailField] = null,
        [RoleField] = nameof(CommitteeRole.Member),
    });

    private static string? Notice(IQueryCollection query) => query[OrganisationConsolePages.NoticeParameter].ToString() switch
    {
        "them" => "Đã thêm ủy viên vào Ban Thường vụ. Các đợt biểu quyết đang mở giữ danh sách ủy viên lúc mở đợt.",
        "thoi" => $"Đồng chí {query["uy-vien"]} không còn trong danh sách Ban Thường vụ. Các đợt biểu quyết đang mở giữ danh sách ủy viên lúc mở đợt.",
        "thay" => query["vong"].ToString() is "0" or ""
            ? "Đã thay ủy viên. Không có đợt biểu quyết nào đang mở cần chuyển phiếu."
            : $"Đã thay ủy viên, và chuyển chỗ biểu quyết của ủy viên cũ sang ủy viên mới ở {query["vong"]} đợt biểu quyết đang mở; ủy viên mới đã được gửi đường liên kết biểu quyết.",
        _ => null,
    };

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<CommitteePage> Render(Loaded<Organisation> loaded, ConsoleForm addForm, ConsoleForm replaceForm,
        string? notice, int statusCode = StatusCodes.Status200OK, ConsoleForm? removeForm = null) =>
        ConsolePages.Page<CommitteePage>(new()
        {
            [nameof(CommitteePage.Organisation)] = loaded.Value,
            [nameof(CommitteePage.AddForm)] = addForm,
            [nameof(CommitteePage.ReplaceForm)] = replaceForm,
            [nameof(CommitteePage.RemoveForm)] = removeForm ?? RemoveForm(loaded),
            [nameof(CommitteePage.Notice)] = notice,
        }, statusCode);
}
