using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Organisations;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Security;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Status;

namespace QuyCheWorkflow.Functions.Office;

/// <summary>
/// Organisations of the caller's subtree: create below an organisation it reaches (a root only as an administrator),
/// read, list, change name/committee name/code/type/office mailbox, replace the standing committee, enter a new term. Every change
/// goes through <see cref="OrganisationWorkflow"/>, which audits it on the organisation's chain and refreshes its status row.
/// </summary>
public static class OrganisationsApi
{
    public const string Path = "/api/organisations";

    public static RouteGroupBuilder MapOrganisationsApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup(Path)
            .RequireAuthorization(policy => policy.RequireRole(nameof(ApiRole.Office), nameof(ApiRole.UpperLevelOffice), nameof(ApiRole.Administrator)))
            .WithTags("Organisations")
            .WithMetadata(new RequestSizeLimitAttribute(OfficeApiOptions.MaxJsonBodyBytes))
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapPost("/", CreateOrganisation).WithName(nameof(CreateOrganisation))
            .WithSummary("Create an organisation")
            .WithDescription("Creates an organisation below a parent the caller reaches (a root, without parentId, only as an administrator), with its term and standing committee. 404 when the parent is not reachable, 409 when the id is taken.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/", ListOrganisations).WithName(nameof(ListOrganisations))
            .WithSummary("List organisations")
            .WithDescription("The organisations of the caller's subtree (every organisation for an administrator), ordered by id.");
        group.MapGet("/{organisationId}", GetOrganisation).WithName(nameof(GetOrganisation))
            .WithSummary("Read an organisation")
            .WithDescription("One organisation of the caller's subtree; 404 alike for unknown and out of reach.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{organisationId}", UpdateOrganisation).WithName(nameof(UpdateOrganisation))
            .WithSummary("Change an organisation")
            .WithDescription("Changes the name, committee name, code, type, office mailbox or the quality thresholds it sets for the organisations below it (copied from the previous term, formal consultation; percentages 1-100); fields left out stay as they are, an empty committeeName follows the name again. 409 when someone changed it meanwhile or the change is refused, 422 when a field is refused.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPut("/{organisationId}/committee", ReplaceCommittee).WithName(nameof(ReplaceCommittee))
            .WithSummary("Replace the standing committee")
            .WithDescription("Replaces the whole standing committee of the current term (at least one member, exactly one secretary). Open vote rounds keep the members they started with.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{organisationId}/committee/replacements", ReplaceMember).WithName(nameof(ReplaceMember))
            .WithSummary("Replace one committee member during the term")
            .WithDescription("Gives one member's seat to a new member; every open vote round of the organisation gives the seat too (the old ballot is discarded, the new member is asked to vote). Supports Idempotency-Key; 422 when the key was used for another request.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        group.MapPost("/{organisationId}/terms", EnterTerm).WithName(nameof(EnterTerm))
            .WithSummary("Enter a new term")
            .WithDescription("Starts the organisation's next term with its new standing committee.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return group;
    }

    public static async Task<Results<Created<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> CreateOrganisation(
        CreateOrganisationRequest? request, HttpContext context, OrganisationAccess access, OrganisationWorkflow organisations,
        CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return OfficeProblems.Invalid("body", "Thiếu nội dung yêu cầu.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var id = OrganisationFields.Id(request.Id, "id", errors);
        var name = OrganisationFields.Name(request.Name, "name", errors);
        var code = OrganisationFields.Code(request.Code, "code", errors);
        var type = OrganisationFields.Type(request.Type, "type", errors);
        var term = OrganisationFields.Term(request.Term, "term", errors);
        var officeEmail = OrganisationFields.Email(request.OfficeEmail, "officeEmail", optional: true, errors);
        var committeeName = OrganisationFields.CommitteeName(request.CommitteeName, "committeeName", errors);
        var committee = OrganisationFields.Committee(request.Members, "members", errors);
        var parentId = string.IsNullOrWhiteSpace(request.ParentId) ? null : OrganisationFields.Id(request.ParentId, "parentId", errors);
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        if (parentId is null
            ? context.User.GetApiRole() != ApiRole.Administrator
            : !await access.CanReachAsync(context.User, parentId, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức cấp trên");
        }

        Organisation organisation = new(id!, name!, code!.Value, type!.Value, parentId, term!.Value, committee!) { OfficeEmail = officeEmail, CommitteeName = committeeName };
        try
        {
            await organisations.CreateAsync(organisation, await OfficeCaller.ActorOfAsync(context, cancellationToken), cancellationToken);
        }
        catch (DomainException exception)
        {
            return OfficeProblems.Refused(exception);
        }
        catch (LifecycleNotFoundException)
        {
            return OfficeProblems.NotFound("tổ chức cấp trên");
        }

        return TypedResults.Created($"{Path}/{Uri.EscapeDataString(organisation.Id)}", OrganisationResponse.From(organisation));
    }

    public static async Task<Ok<IReadOnlyList<OrganisationResponse>>> ListOrganisations(
        HttpContext context, OrganisationStore store, CancellationToken cancellationToken)
    {
        List<Organisation> all = [];
        await foreach (var loaded in store.ListAsync(cancellationToken))
        {
            all.Add(loaded.Value);
        }

        var own = context.User.GetOrganisationId();
        IEnumerable<Organisation> visible = all;
        if (context.User.GetApiRole() != ApiRole.Administrator)
        {
            var tree = OrganisationTree.From(all);
            var subtree = own is not null && tree.Contains(own) ? tree.Subtree(own).ToHashSet(StringComparer.Ordinal) : [];
            visible = all.Where(o => subtree.Contains(o.Id));
        }

        IReadOnlyList<OrganisationResponse> result = [.. visible.OrderBy(o => o.Id, StringComparer.Ordinal).Select(OrganisationResponse.From)];
        return TypedResults.Ok(result);
    }

    public static async Task<Results<Ok<OrganisationResponse>, ProblemHttpResult>> GetOrganisation(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore store, CancellationToken cancellationToken)
    {
        var loaded = await LoadReachableAsync(organisationId, context, access, store, cancellationToken);
        return loaded is null ? OfficeProblems.NotFound("tổ chức") : TypedResults.Ok(OrganisationResponse.From(loaded.Value));
    }

    public static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> UpdateOrganisation(
        string organisationId, UpdateOrganisationRequest? request, HttpContext context, OrganisationAccess access,
        OrganisationWorkflow organisations, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return OfficeProblems.Invalid("body", "Thiếu nội dung yêu cầu.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var name = request.Name is null ? null : OrganisationFields.Name(request.Name, "name", errors);
        var code = request.Code is null ? null : OrganisationFields.Code(request.Code, "code", errors);
        var type = request.Type is null ? null : OrganisationFields.Type(request.Type, "type", errors);
        var officeEmail = request.OfficeEmail is null ? null : OrganisationFields.Email(request.OfficeEmail, "officeEmail", optional: true, errors);
        var committeeName = request.CommitteeName is null ? null : OrganisationFields.CommitteeName(request.CommitteeName, "committeeName", errors);
        var thresholds = request.QualityThresholds is { } asked ? QualityThresholdFields.Read(asked, "qualityThresholds", errors) : null;
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        OrganisationChanges changes = new()
        {
            Name = name,
            Code = code,
            Type = type,
            ChangesOfficeEmail = request.OfficeEmail is not null,
            OfficeEmail = officeEmail,
            ChangesCommitteeName = request.CommitteeName is not null,
            CommitteeName = committeeName,
            QualityThresholds = thresholds,
        };
        return await ChangeAsync(organisationId, context, access,
            actor => organisations.UpdateAsync(organisationId, changes, actor, cancellationToken: cancellationToken), cancellationToken);
    }

    public static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> ReplaceCommittee(
        string organisationId, CommitteeRequest? request, HttpContext context, OrganisationAccess access,
        OrganisationWorkflow organisations, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var committee = OrganisationFields.Committee(request?.Members, "members", errors);
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await ChangeAsync(organisationId, context, access,
            actor => organisations.ReplaceCommitteeAsync(organisationId, committee!, actor, cancellationToken: cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Gives one member's seat on the standing committee to a new member, during the term; every open vote round
    /// of the organisation's regulations gives the seat too (the old ballot is discarded, the new member is sent a
    /// vote request, the rule is applied again). Replacing the whole committee (<c>PUT .../committee</c>) leaves
    /// open rounds with the members they started with. Supports <c>Idempotency-Key</c>.
    /// </summary>
    public static async Task<Results<Ok<MemberReplacementResponse>, ValidationProblem, ProblemHttpResult>> ReplaceMember(
        string organisationId, MemberReplacementRequest? request, HttpContext context, RegulationsApi.Commands commands,
        OrganisationWorkflow organisations, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var oldMemberId = OrganisationFields.Id(request?.OldMemberId, "oldMemberId", errors);
        var newMember = OrganisationFields.Member(request?.NewMember, "newMember", errors);
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await commands.RunAsync(context, organisationId, nameof(ReplaceMember),
            async (_, actor, ct) => MemberReplacementResponse.From(await organisations.ReplaceCommitteeMemberAsync(organisationId, oldMemberId!, newMember!, actor, ct)),
            cancellationToken);
    }

    public static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> EnterTerm(
        string organisationId, CommitteeRequest? request, HttpContext context, OrganisationAccess access,
        OrganisationWorkflow organisations, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var term = OrganisationFields.Term(request?.Term, "term", errors);
        var committee = OrganisationFields.Committee(request?.Members, "members", errors);
        if (errors.Count > 0)
        {
            return OfficeProblems.Invalid(errors);
        }

        return await ChangeAsync(organisationId, context, access,
            actor => organisations.EnterTermAsync(organisationId, term!.Value, committee!, actor, cancellationToken), cancellationToken);
    }

    private static async Task<Results<Ok<OrganisationResponse>, ValidationProblem, ProblemHttpResult>> ChangeAsync(
        string organisationId, HttpContext context, OrganisationAccess access, Func<Actor, Task<Organisation>> command,
        CancellationToken cancellationToken)
    {
        if (!await IsReachableAsync(organisationId, context, access, cancellationToken))
        {
            return OfficeProblems.NotFound("tổ chức");
        }

        try
        {
            return TypedResults.Ok(OrganisationResponse.From(await command(await OfficeCaller.ActorOfAsync(context, cancellationToken))));
        }
        catch (LifecycleNotFoundException)
        {
            return OfficeProblems.NotFound("tổ chức");
        }
        catch (DomainException exception)
        {
            return OfficeProblems.Refused(exception);
        }
        catch (ConcurrencyConflictException)
        {
            return OfficeProblems.Conflict("Tổ chức vừa được người khác thay đổi; đề nghị tải lại và thử lại.");
        }
    }

    private static async Task<bool> IsReachableAsync(
        string organisationId, HttpContext context, OrganisationAccess access, CancellationToken cancellationToken) =>
        OrganisationFields.Id(organisationId, "organisationId", new(StringComparer.Ordinal)) is not null &&
        await access.CanReachAsync(context.User, organisationId, cancellationToken);

    private static async Task<Loaded<Organisation>?> LoadReachableAsync(
        string organisationId, HttpContext context, OrganisationAccess access, OrganisationStore store, CancellationToken cancellationToken) =>
        await IsReachableAsync(organisationId, context, access, cancellationToken)
            ? await store.GetAsync(organisationId, cancellationToken)
            : null;
}
