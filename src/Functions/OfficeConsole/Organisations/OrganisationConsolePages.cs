using Azure;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Office;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.OfficeConsole.Organisations;

/// <summary>
/// The organisation page (<see cref="ConsolePaths.Organisation"/>): what the organisation is, its place in the tree,
/// its regulations, and the forms that change its names, code, type, office mailbox and term, by the same
/// <see cref="OrganisationWorkflow"/> commands and field rules as the organisations API. The committee and import
/// pages map themselves from here too (<see cref="CommitteeConsolePages"/>, <see cref="ImportConsolePages"/>).
/// </summary>
public static class OrganisationConsolePages
{
    public const string NameField = "name";
    public const string CommitteeNameField = "committeeName";
    public const string CodeField = "code";
    public const string TypeField = "type";
    public const string OfficeEmailField = "officeEmail";
    public const string VersionField = "version";
    public const string TermField = "term";
    public const string NoticeParameter = "thong-bao";

    private static readonly string[] s_editFields = [NameField, CodeField, TypeField, CommitteeNameField, OfficeEmailField];

    public static IEndpointRouteBuilder MapOrganisationConsolePages(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet(ConsolePaths.OrganisationTemplate, ShowOrganisation).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.OrganisationTemplate, UpdateOrganisation).ExcludeFromDescription();
        endpoints.MapPost(ConsolePaths.OrganisationTermTemplate, EnterTerm).ExcludeFromDescription();
        endpoints.MapCommitteeConsolePages();
        endpoints.MapImportConsolePages();
        return endpoints;
    }

    public static async Task<IResult> ShowOrganisation(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, RegulationStore regulations,
        StatusProjection status, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var view = await LoadAsync(organisationId, context, access, organisations, regulations, status, cancellationToken);
        return view is null
            ? ConsolePages.OrganisationNotFound()
            : Render(view, EditFormOf(view), TermForm(view), Notice(context.Request.Query[NoticeParameter]));
    }

    /// <summary>
    /// Changes the names, the code, the type and the office mailbox, as <c>PATCH /api/organisations/{id}</c> does, under
    /// the version the form was filled from.
    /// </summary>
    public static async Task<IResult> UpdateOrganisation(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, RegulationStore regulations,
        StatusProjection status, OrganisationWorkflow workflow, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        if (!await ConsolePages.ReachesAsync(context, access, organisationId, cancellationToken))
        {
            return ConsolePages.OrganisationNotFound();
        }

        var form = ConsoleForm.Posted(posted, s_editFields.Append(VersionField));
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = OrganisationFields.Name(form.Value(NameField), NameField, errors);
        var code = OrganisationFields.Code(form.Value(CodeField), CodeField, errors);
        var type = OrganisationFields.Type(form.Value(TypeField), TypeField, errors);
        var committeeName = OrganisationFields.CommitteeName(form.Value(CommitteeNameField), CommitteeNameField, errors);
        var officeEmail = OrganisationFields.Email(form.Value(OfficeEmailField), OfficeEmailField, optional: true, errors);
        form.Refuse(errors);
        if (!form.HasErrors)
        {
            OrganisationChanges changes = new()
            {
                Name = name,
                Code = code,
                Type = type,
                ChangesOfficeEmail = true,
                OfficeEmail = officeEmail,
                ChangesCommitteeName = true,
                CommitteeName = committeeName,
            };
            ETag? version = form.Value(VersionField).Length > 0 ? new ETag(form.Value(VersionField)) : null;
            try
            {
                await workflow.UpdateAsync(organisationId, changes, await OfficeCaller.ActorOfAsync(context, cancellationToken), version, cancellationToken);
                return new SeeOther($"{ConsolePaths.Organisation(organisationId)}?{NoticeParameter}=luu");
            }
            catch (LifecycleNotFoundException)
            {
                return ConsolePages.OrganisationNotFound();
            }
            catch (DomainException refusal)
            {
                ConsolePages.Refuse(form, refusal);
            }
            catch (ConcurrencyConflictException)
            {
                form.Refuse(ConsoleForm.FormKey,
                    "Thông tin tổ chức vừa được người khác thay đổi nên chưa lưu; trang dưới đây là thông tin mới nhất kèm nội dung đồng chí đã nhập, đề nghị kiểm tra rồi lưu lại.");
            }
        }

        var view = await LoadAsync(organisationId, context, access, organisations, regulations, status, cancellationToken);
        if (view is null)
        {
            return ConsolePages.OrganisationNotFound();
        }

        // A refused edit keeps what was typed, but a later save must be checked against what is stored now.
        var refilled = ConsoleForm.Posted(posted, s_editFields);
        var shown = ConsoleForm.Of(s_editFields.Select(f => KeyValuePair.Create(f, (string?)refilled.Value(f)))
            .Append(KeyValuePair.Create(VersionField, (string?)view.Version)).ToDictionary()).CarryErrors(form, s_editFields);

        return Render(view, shown, TermForm(view), notice: null, StatusCodes.Status400BadRequest);
    }

    /// <summary>
    /// Starts the next term, as <c>POST /api/organisations/{id}/terms</c> does, with the standing committee as it is
    /// now; the members newly elected are then set on the committee page.
    /// </summary>
    public static async Task<IResult> EnterTerm(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, RegulationStore regulations,
        StatusProjection status, OrganisationWorkflow workflow, CancellationToken cancellationToken)
    {
        if (ConsolePages.UserOf(context) is null)
        {
            return ConsolePages.SignIn(context);
        }

        var posted = await ConsolePages.ReadFormAsync(context, cancellationToken);
        var view = await LoadAsync(organisationId, context, access, organisations, regulations, status, cancellationToken);
        if (view is null)
        {
            return ConsolePages.OrganisationNotFound();
        }

        var form = ConsoleForm.Posted(posted, TermField);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var term = OrganisationFields.Term(form.Value(TermField), TermField, errors);
        form.Refuse(errors);
        if (!form.HasErrors)
        {
            try
            {
                await workflow.EnterTermAsync(organisationId, term!.Value, view.Organisation.Committee,
                    await OfficeCaller.ActorOfAsync(context, cancellationToken), cancellationToken);
                return new SeeOther($"{ConsolePaths.Organisation(organisationId)}?{NoticeParameter}=nhiem-ky");
            }
            catch (LifecycleNotFoundException)
            {
                return ConsolePages.OrganisationNotFound();
            }
            catch (DomainException refusal)
            {
                // The only refusal of a new term is about the term itself.
                form.Refuse(refusal.Code == RefusalCode.TermNotAfterCurrent ? TermField : ConsoleForm.FormKey, Web.RefusalCatalogue.Describe(refusal).Message);
            }
            catch (ConcurrencyConflictException)
            {
                form.Refuse(ConsoleForm.FormKey, "Tổ chức vừa được người khác thay đổi nên chưa vào nhiệm kỳ mới; đề nghị thử lại.");
            }
        }

        return Render(view, EditFormOf(view), form, notice: null, StatusCodes.Status400BadRequest);
    }

    /// <summary>The organisation's page data, or null when it does not exist or the signed-in person does not reach it.</summary>
    internal static async Task<OrganisationView?> LoadAsync(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore organisations, RegulationStore regulations,
        StatusProjection status, CancellationToken cancellationToken)
    {
        if (!IdSyntax(organisationId) || await access.ReachablePathAsync(context.User, organisationId, cancellationToken) is not { } path)
        {
            return null;
        }

        var loaded = await organisations.GetAsync(organisationId, cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var organisation = loaded.Value;
        OrganisationLink? parent = null;
        if (organisation.ParentId is { } parentId && await organisations.GetAsync(parentId, cancellationToken) is { } above)
        {
            parent = new OrganisationLink(parentId, above.Value.Name);
        }

        // The subtree's status rows give the children in one range read, never a scan of every organisation.
        var children = (await status.QuerySubtreeAtPathAsync(path, cancellationToken: cancellationToken))
            .Where(r => r.ParentId == organisationId)
            .Select(r => new OrganisationLink(r.OrganisationId, r.Name))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture)
            .ToList();
        List<RegulationLink> ofOrganisation = [];
        await foreach (var regulation in regulations.ListByOrganisationAsync(organisationId, cancellationToken))
        {
            var state = regulation.Value;
            var stage = Regulation.FromState(state).Stage;
            ofOrganisation.Add(new RegulationLink(state.Id, state.Title, state.Term.ToString(), RegulationStageText.Label(stage), state.CurrentIssuance?.Number.Symbol));
        }

        bool parentReachable = parent is not null && (ConsoleUser.From(context.User) is not { } user
            || user.Role == ApiRole.Administrator || user.OrganisationId != organisationId);
        return new OrganisationView(organisation, loaded.ETag.ToString(), parent, parentReachable, children,
            [.. ofOrganisation.OrderByDescending(r => r.Term, StringComparer.Ordinal)]);
    }

    private static bool IdSyntax(string organisationId) => Web.IdSyntax.IsValid(organisationId);

    private static ConsoleForm EditFormOf(OrganisationView view) => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [NameField] = view.Organisation.Name,
        [CodeField] = view.Organisation.Code.ToString(),
        [TypeField] = view.Organisation.Type.ToString(),
        [CommitteeNameField] = view.Organisation.HasOwnCommitteeName ? view.Organisation.CommitteeName : null,
        [OfficeEmailField] = view.Organisation.OfficeEmail,
        [VersionField] = view.Version,
    });

    private static ConsoleForm TermForm(OrganisationView view) => ConsoleForm.Of(new Dictionary<string, string?>
    {
        [TermField] = new Term(view.Organisation.CurrentTerm.EndYear, view.Organisation.CurrentTerm.EndYear + 5).ToString(),
    });

    private static string? Notice(string? code) => code switch
    {
        "luu" => "Đã lưu thông tin tổ chức.",
        "nhiem-ky" => "Đã chuyển sang nhiệm kỳ mới. Đề nghị cập nhật Ban Thường vụ nhiệm kỳ mới ở trang Ban Thường vụ.",
        _ => null,
    };

    private static Microsoft.AspNetCore.Http.HttpResults.RazorComponentResult<OrganisationPage> Render(OrganisationView view, ConsoleForm editForm, ConsoleForm termForm, string? notice, int statusCode = StatusCodes.Status200OK) =>
        ConsolePages.Page<OrganisationPage>(new()
        {
            [nameof(OrganisationPage.View)] = view,
            [nameof(OrganisationPage.EditForm)] = editForm,
            [nameof(OrganisationPage.TermForm)] = termForm,
            [nameof(OrganisationPage.Notice)] = notice,
        }, statusCode);
}
