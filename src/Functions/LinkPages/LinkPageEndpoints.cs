using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QuyCheWorkflow.Domain;
using QuyCheWorkflow.Domain.Consultations;
using QuyCheWorkflow.Domain.Filings;
using QuyCheWorkflow.Domain.Regulations;
using QuyCheWorkflow.Domain.Voting;
using QuyCheWorkflow.Functions.Lifecycle;
using QuyCheWorkflow.Functions.Links;
using QuyCheWorkflow.Functions.Mail;
using QuyCheWorkflow.Functions.State;
using QuyCheWorkflow.Functions.Web;

namespace QuyCheWorkflow.Functions.LinkPages;

/// <summary>
/// The pages behind personal links (<see cref="LinkBuilder.RouteTemplate"/>): GET shows what the link is for and
/// never changes anything (mail scanners prefetch links); POST, protected by antiforgery and a hidden request id
/// applied once, records the answer through <see cref="RegulationWorkflow"/>. A link that is malformed, forged,
/// expired, for another round or for a replaced draft records nothing.
/// </summary>
public static class LinkPageEndpoints
{
    public const string RequestIdField = "requestId";
    public const string DownloadSuffix = "/du-thao";
    public const int CommentRows = 5;
    private const int MaxReasonLength = Web.Components.OpinionForm.CommentMaxLength;

    public static IEndpointRouteBuilder MapLinkPages(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Pages for people behind personal links, not part of the office API's description.
        app.MapGet(LinkBuilder.RouteTemplate, ShowAsync).ExcludeFromDescription();
        app.MapPost(LinkBuilder.RouteTemplate, SubmitAsync).ExcludeFromDescription();
        app.MapGet(LinkBuilder.RouteTemplate + DownloadSuffix, DownloadAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ShowAsync(string token, HttpContext context, CancellationToken ct)
    {
        var target = await LinkTarget.ResolveAsync(token, context.RequestServices, ct);
        return target.Refusal ?? Render(target, context, notice: null);
    }

    private static async Task<IResult> DownloadAsync(string token, HttpContext context, CancellationToken ct)
    {
        var target = await LinkTarget.ResolveAsync(token, context.RequestServices, ct);
        if (target.Refusal is { } refusal)
        {
            return refusal;
        }

        var document = await context.RequestServices.GetRequiredService<DocumentStore>().DownloadAsync(target.DocumentHash, ct);
        return document is null
            ? MessagePages.NotFound()
            : Results.File(document.Content.ToArray(), document.ContentType, document.FileName);
    }

    private static async Task<IResult> SubmitAsync(string token, [FromForm] IFormCollection form, HttpContext context, CancellationToken ct)
    {
        var target = await LinkTarget.ResolveAsync(token, context.RequestServices, ct, submitting: true);
        if (target.Refusal is not null)
        {
            return target.Refusal;
        }

        string requestId = form[RequestIdField].ToString();
        if (!IsRequestId(requestId))
        {
            return MessagePages.InvalidLink();
        }

        var claims = target.Claims;
        var workflow = context.RequestServices.GetRequiredService<RegulationWorkflow>();
        var requests = context.RequestServices.GetRequiredService<RequestLog>();
        Actor actor = new(claims.RecipientId, target.RecipientName, "link " + context.Connection.RemoteIpAddress);
        string commandName = "link." + claims.Action + "." + claims.RegulationId + "." + claims.RoundId + "." + claims.RecipientId;
        string notice;
        VoteRoundState? castOnOpenRound = null;
        try
        {
            switch (claims.Action)
            {
                case LinkAction.Vote:
                    if (!TryReadVote(form, out var choice, out var reason, out var reasonError))
                    {
                        return reasonError is null
                            ? Unprocessable(context, "Đồng chí chưa chọn phương án biểu quyết.")
                            : BadText(context, "Lý do", reasonError);
                    }

                    if (choice != VoteChoice.Agree && reason is null)
                    {
                        return Unprocessable(context, "Khi chọn “Không đồng ý” hoặc “Ý kiến khác”, đề nghị đồng chí ghi lý do.");
                    }

                    await requests.ExecuteOnceAsync(requestId, commandName, async c =>
                    {
                        var round = await workflow.CastBallotAsync(target.LoadedVote!, claims.RecipientId, choice, reason, actor, c);
                        castOnOpenRound = round.Status == VoteRoundStatus.Open ? round : null;
                        return true;
                    }, ct);
                    notice = "Đã ghi nhận biểu quyết của đồng chí.";
                    break;
                case LinkAction.Consultation:
                    if (!TryReadConsultation(form, out var agree, out var comments, out var commentError))
                    {
                        return commentError is null
                            ? Unprocessable(context, "Đề nghị đồng chí chọn “Nhất trí, không có ý kiến khác”, hoặc chọn “Có ý kiến góp ý” và ghi ít nhất một ý kiến.")
                            : BadText(context, "Ý kiến góp ý", commentError);
                    }

                    await requests.ExecuteOnceAsync(requestId, commandName, async c =>
                    {
                        await workflow.AnswerConsultationAsync(claims.RegulationId, claims.RoundId, claims.RecipientId, agree, comments, actor, c);
                        return true;
                    }, ct);
                    notice = "Đã ghi nhận ý kiến góp ý của đồng chí.";
                    break;
                default:
                    string decision = form["decision"].ToString();
                    var reasons = ReadReasons(form, out var reasonsError);
                    if (reasonsError is not null)
                    {
                        return BadText(context, "Lý do, yêu cầu sửa đổi, bổ sung", reasonsError);
                    }

                    if (decision == "acknowledge")
                    {
                        await requests.ExecuteOnceAsync(requestId, commandName, async c =>
                        {
                            await workflow.AcknowledgeFilingAsync(claims.RegulationId, claims.RoundId, actor, c);
                            return true;
                        }, ct);
                        notice = "Đã xác nhận tiếp nhận quy chế.";
                    }
                    else if (decision == "return" && reasons.Count > 0)
                    {
                        await requests.ExecuteOnceAsync(requestId, commandName, async c =>
                        {
                            await workflow.ReturnFilingAsync(claims.RegulationId, claims.RoundId, reasons, actor, c);
                            return true;
                        }, ct);
                        notice = "Đã trả lại quy chế để sửa đổi, bổ sung, kèm lý do, yêu cầu.";
                    }
                    else
                    {
                        return Unprocessable(context, "Khi trả lại, đề nghị đồng chí ghi ít nhất một lý do, yêu cầu sửa đổi, bổ sung.");
                    }

                    break;
            }
        }
        catch (DomainException exception)
        {
            return MessagePages.Show(
                StatusCodes.Status409Conflict,
                "Không ghi nhận được",
                "Nội dung vừa gửi không được ghi nhận; nội dung đã ghi nhận trước đó vẫn giữ nguyên.",
                DomainRefusalText(exception),
                MessageTone.Warning);
        }
        catch (RequestInProgressException)
        {
            return MessagePages.Show(
                StatusCodes.Status409Conflict,
                "Đang xử lý",
                "Nội dung đồng chí gửi đang được ghi nhận. Đề nghị đồng chí mở lại liên kết sau ít giây để xem kết quả.",
                tone: MessageTone.Info);
        }

        // A ballot on a round it did not decide changes only the round, which the ballot returned; anything else
        // (a decision, a consultation answer, a filing response, a replayed request) is read again.
        if (castOnOpenRound is not null)
        {
            return Render(target.WithVote(castOnOpenRound), context, notice);
        }

        var reloaded = await LinkTarget.ResolveAsync(token, context.RequestServices, ct);
        return reloaded.Refusal ?? Render(reloaded, context, notice);
    }

    private static IResult Render(LinkTarget target, HttpContext context, string? notice)
    {
        string action = context.Request.PathBase + context.Request.Path;
        string downloadUrl = action + DownloadSuffix;
        string requestId = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        var regulation = target.Regulation;
        switch (target.Claims.Action)
        {
            case LinkAction.Vote:
                var round = target.Vote!;
                var ballot = round.Ballots.FirstOrDefault(b => b.MemberId == target.Claims.RecipientId);
                return new RazorComponentResult<LinkVotePage>(new Dictionary<string, object?>
                {
                    [nameof(LinkVotePage.RegulationTitle)] = regulation.Title,
                    [nameof(LinkVotePage.DraftVersion)] = round.DraftVersion,
                    [nameof(LinkVotePage.Deadline)] = VietnamTime.FormatTimeOnDate(round.Deadline),
                    [nameof(LinkVotePage.DownloadUrl)] = downloadUrl,
                    [nameof(LinkVotePage.MemberName)] = target.RecipientName,
                    [nameof(LinkVotePage.CurrentChoice)] = ballot is null ? null : VoteChoiceText.Label(ballot.Choice),
                    [nameof(LinkVotePage.SelectedValue)] = ballot is null ? null : ChoiceValue(ballot.Choice),
                    [nameof(LinkVotePage.CurrentReason)] = ballot?.Reason,
                    [nameof(LinkVotePage.CurrentCastAt)] = ballot is null ? null : VietnamTime.FormatTimeOnDate(ballot.CastAt),
                    [nameof(LinkVotePage.Result)] = VoteResultText(round),
                    [nameof(LinkVotePage.Notice)] = notice,
                    [nameof(LinkVotePage.Action)] = action,
                    [nameof(LinkVotePage.RequestId)] = requestId,
                });
            case LinkAction.Consultation:
                var consultation = target.Consultation!;
                var response = consultation.Responses.FirstOrDefault(r => r.RecipientId == target.Claims.RecipientId);
                return new RazorComponentResult<LinkConsultationPage>(new Dictionary<string, object?>
                {
                    [nameof(LinkConsultationPage.RegulationTitle)] = regulation.Title,
                    [nameof(LinkConsultationPage.DraftVersion)] = consultation.DraftVersion,
                    [nameof(LinkConsultationPage.Deadline)] = VietnamTime.FormatTimeOnDate(consultation.Deadline),
                    [nameof(LinkConsultationPage.DownloadUrl)] = downloadUrl,
                    [nameof(LinkConsultationPage.RecipientName)] = target.RecipientName,
                    [nameof(LinkConsultationPage.Recorded)] = response?.Comments.Select(c => (c.ArticleLabel, c.Text)).ToList(),
                    [nameof(LinkConsultationPage.Closed)] = consultation.Status == ConsultationStatus.Closed,
                    [nameof(LinkConsultationPage.Notice)] = notice,
                    [nameof(LinkConsultationPage.Action)] = action,
                    [nameof(LinkConsultationPage.RequestId)] = requestId,
                });
            default:
                var filing = target.Filing!;
                var issuance = regulation.CurrentIssuance!;
                return new RazorComponentResult<LinkFilingPage>(new Dictionary<string, object?>
                {
                    [nameof(LinkFilingPage.RegulationTitle)] = regulation.Title,
                    [nameof(LinkFilingPage.OrganisationName)] = target.OrganisationName,
                    [nameof(LinkFilingPage.Symbol)] = issuance.Number.Symbol,
                    [nameof(LinkFilingPage.IssueDate)] = issuance.IssueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    [nameof(LinkFilingPage.SignerText)] = issuance.Signer.ToString(),
                    [nameof(LinkFilingPage.DownloadUrl)] = downloadUrl,
                    [nameof(LinkFilingPage.Status)] = filing.Status switch
                    {
                        FilingStatus.Acknowledged => "Đã xác nhận tiếp nhận" + RespondedAt(filing),
                        FilingStatus.Returned => "Đã trả lại để sửa đổi, bổ sung" + RespondedAt(filing),
                        _ => null,
                    },
                    [nameof(LinkFilingPage.Reasons)] = filing.ReturnReasons,
                    [nameof(LinkFilingPage.Notice)] = notice,
                    [nameof(LinkFilingPage.Action)] = action,
                    [nameof(LinkFilingPage.RequestId)] = requestId,
                });
        }
    }

    private static string RespondedAt(FilingState filing) =>
        filing.RespondedAt is { } at ? " lúc " + VietnamTime.FormatTimeOnDate(at) + "." : ".";

    private static string? VoteResultText(VoteRoundState round)
    {
        int agree = round.Ballots.Count(b => b.Choice == VoteChoice.Agree);
        int disagree = round.Ballots.Count(b => b.Choice == VoteChoice.Disagree);
        int other = round.Ballots.Count(b => b.Choice == VoteChoice.OtherOpinion);
        string tally = string.Create(CultureInfo.InvariantCulture,
            $" ({agree} đồng ý, {disagree} không đồng ý, {other} ý kiến khác trên tổng số {round.Members.Count} ủy viên).");
        return round.Status switch
        {
            VoteRoundStatus.Passed => "Dự thảo đã được thông qua" + tally,
            VoteRoundStatus.Failed => "Dự thảo không được thông qua" + tally,
            VoteRoundStatus.ExpiredUndecided => "Đã hết hạn biểu quyết nhưng chưa đủ số phiếu để kết luận" + tally,
            _ => null,
        };
    }

    private static string ChoiceValue(VoteChoice choice) => choice switch
    {
        VoteChoice.Agree => "agree",
        VoteChoice.Disagree => "disagree",
        _ => "other",
    };

    private static bool TryReadVote(IFormCollection form, out VoteChoice choice, out string? reason, out string? reasonError)
    {
        (reason, reasonError) = TextInput.Paragraphs(form["comment"].ToString(), MaxReasonLength);
        if (reasonError is not null)
        {
            choice = default;
            return false;
        }

        switch (form["choice"].ToString())
        {
            case "agree":
                choice = VoteChoice.Agree;
                return true;
            case "disagree":
                choice = VoteChoice.Disagree;
                return true;
            case "other":
                choice = VoteChoice.OtherOpinion;
                return true;
            default:
                choice = default;
                return false;
        }
    }

    private static bool TryReadConsultation(IFormCollection form, out bool agree, out List<CommentInput> comments, out string? commentError)
    {
        comments = [];
        commentError = null;
        for (var i = 0; i < CommentRows; i++)
        {
            var (text, error) = TextInput.Paragraphs(form["text" + i.ToString(CultureInfo.InvariantCulture)].ToString(), MaxReasonLength);
            if (error is not null)
            {
                commentError = error;
                agree = false;
                return false;
            }

            if (text is null)
            {
                continue;
            }

            string articleText = form["article" + i.ToString(CultureInfo.InvariantCulture)].ToString().Trim();
            int? article = null;
            if (articleText.Length > 0)
            {
                if (!int.TryParse(articleText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 999)
                {
                    agree = false;
                    return false;
                }

                article = number;
            }

            comments.Add(new CommentInput(article, text));
        }

        agree = form["kind"].ToString() == "agree" && comments.Count == 0;
        return agree || (form["kind"].ToString() != "agree" && comments.Count > 0);
    }

    /// <summary>One reason per line; the whole field is checked (and its length counted) as one text.</summary>
    private static List<string> ReadReasons(IFormCollection form, out string? error)
    {
        (string? text, error) = TextInput.Paragraphs(form["reasons"].ToString(), MaxReasonLength);
        return text is null ? [] : [.. text.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
    }

    private static bool IsRequestId(string value) =>
        value.Length is >= 16 and <= 64 && value.All(char.IsAsciiLetterOrDigit);

    private static RazorComponentResult<Web.Components.MessagePage> Unprocessable(HttpContext context, string details) =>
        MessagePages.Show(
            StatusCodes.Status422UnprocessableEntity,
            "Chưa gửi được",
            "Biểu mẫu còn thiếu hoặc chưa đúng, nên chưa có nội dung nào được ghi nhận. Đề nghị đồng chí quay lại, sửa và gửi lại.",
            details,
            MessageTone.Warning,
            backHref: context.Request.Path);

    /// <summary>400: a text field the page itself would not have sent (too long, control or bidi characters); nothing is cut or kept.</summary>
    private static RazorComponentResult<Web.Components.MessagePage> BadText(HttpContext context, string field, string error) =>
        MessagePages.Show(
            StatusCodes.Status400BadRequest,
            "Chưa gửi được",
            "Nội dung gửi không hợp lệ, nên chưa có nội dung nào được ghi nhận. Đề nghị đồng chí quay lại, sửa và gửi lại.",
            field + ": " + error,
            MessageTone.Warning,
            backHref: context.Request.Path);

    private static string DomainRefusalText(DomainException exception) => exception switch
    {
        InvalidTransitionException => "Đợt biểu quyết (góp ý, tiếp nhận) này đã kết thúc.",
        _ => RefusalCatalogue.Describe(exception).Message,
    };

    private static bool IsCurrent(string? currentId, string roundId) => string.Equals(currentId, roundId, StringComparison.Ordinal);

    /// <summary>The drafting cycle (the original's or an amendment's) that held vote round <paramref name="roundId"/>.</summary>
    private static Domain.Regulations.DraftingCycle? CycleOf(Domain.Regulations.Regulation regulation, string roundId) =>
        new[] { regulation.InitialCycle }.Concat(regulation.Amendments.Select(a => a.Cycle))
            .FirstOrDefault(c => c.VoteRoundIds.Contains(roundId, StringComparer.Ordinal));

    /// <summary>A decided round's page: the decision, its day and count, and once issued the number and date.</summary>
    private static RazorComponentResult<Web.Components.MessagePage> DecidedVotePage(
        Domain.Voting.VoteRound round, Domain.Regulations.Issuance? issuance, bool submitting)
    {
        string day = round.DecidedOn is { } on ? " ngày " + on.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture) : "";
        string how = round.InPersonResult is not null
            ? " tại cuộc họp Ban Thường vụ"
            : $" với {round.Tally.Agrees}/{round.Tally.MemberCount} ủy viên đồng ý";
        string draft = "dự thảo lần " + round.DraftVersion.ToString(CultureInfo.InvariantCulture);
        string explanation = round.Status == VoteRoundStatus.Passed
            ? $"Ban Thường vụ đã thông qua {draft}{day}{how}."
            : $"Ban Thường vụ không thông qua {draft}{day}; văn phòng cấp ủy tiếp thu, chỉnh lý dự thảo.";
        string? details = issuance is null
            ? null
            : $"Quy chế làm việc số {issuance.Number.Symbol} đã được ban hành ngày {issuance.IssueDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.";
        return submitting
            ? MessagePages.Show(StatusCodes.Status409Conflict, "Đợt biểu quyết đã kết thúc",
                "Biểu quyết vừa gửi không được ghi nhận. " + explanation, details, MessageTone.Warning)
            : MessagePages.Show(StatusCodes.Status200OK, "Đợt biểu quyết đã kết thúc", explanation, details, MessageTone.Info);
    }

    /// <summary>What a link points at, loaded and checked; <see cref="Refusal"/> is the page to show when it is not usable.</summary>
    private sealed class LinkTarget
    {
        public IResult? Refusal { get; private init; }

        public LinkClaims Claims { get; private init; } = null!;

        public RegulationState Regulation { get; private init; } = null!;

        public VoteRoundState? Vote => LoadedVote?.Value;

        /// <summary>The vote round with the ETag it was read with, for a ballot cast on it.</summary>
        public Loaded<VoteRoundState>? LoadedVote { get; private init; }

        public ConsultationRoundState? Consultation { get; private init; }

        public FilingState? Filing { get; private init; }

        public string RecipientName { get; private init; } = "";

        /// <summary>The name of the organisation whose regulation a filing link is about; empty for other links.</summary>
        public string OrganisationName { get; private init; } = "";

        public ContentHash DocumentHash { get; private init; }

        /// <summary>
        /// Checks the link and loads what it points at. With <paramref name="submitting"/> (a form posted to the link), a
        /// page showing how a round ended also says, with 409, that what was sent was not recorded.
        /// </summary>
        public static async Task<LinkTarget> ResolveAsync(string token, IServiceProvider services, CancellationToken ct, bool submitting = false)
        {
            var validation = services.GetRequiredService<LinkTokenService>().Validate(token);
            switch (validation.Status)
            {
                case LinkValidationStatus.Valid:
                    break;
                case LinkValidationStatus.Expired when validation.Claims is { Action: LinkAction.Vote }:
                    // A vote link lives as long as its round's current deadline (and a day), so an extension keeps
                    // the links already sent working; checked once the round is loaded.
                    break;
                case LinkValidationStatus.Expired:
                    return Refuse(MessagePages.ExpiredLink());
                default:
                    return Refuse(MessagePages.InvalidLink());
            }

            var claims = validation.Claims!;
            var workflow = services.GetRequiredService<RegulationWorkflow>();
            if (await workflow.FindOrganisationIdAsync(claims.RegulationId, ct) is not { } organisationId ||
                await services.GetRequiredService<RegulationStore>().GetAsync(organisationId, claims.RegulationId, ct) is not { } loaded)
            {
                return Refuse(MessagePages.InvalidLink());
            }

            var regulation = loaded.Value;
            var domainRegulation = Domain.Regulations.Regulation.FromState(regulation);
            var cycle = domainRegulation.ActiveCycle;
            switch (claims.Action)
            {
                case LinkAction.Vote:
                {
                    var loadedVote = await services.GetRequiredService<VoteRoundStore>().GetAsync(claims.RegulationId, claims.RoundId, ct);
                    if (loadedVote?.Value is not { } vote)
                    {
                        return Refuse(MessagePages.InvalidLink());
                    }

                    if (validation.Status == LinkValidationStatus.Expired &&
                        services.GetRequiredService<TimeProvider>().GetUtcNow() >= vote.Deadline + LinkBuilder.VoteLinkGrace)
                    {
                        return Refuse(MessagePages.ExpiredLink());
                    }

                    var member = vote.Members.FirstOrDefault(m => m.MemberId == claims.RecipientId);
                    if (member is null)
                    {
                        // A seat given to another member during the round (the old member's ballot was discarded).
                        return Refuse(MessagePages.SupersededLink(
                            "Đồng chí không còn trong danh sách biểu quyết của đợt này do đã có đồng chí khác được phân công thay thế."));
                    }

                    var draft = cycle?.Drafts.FirstOrDefault(d => d.Number == vote.DraftVersion);
                    if (cycle is null || !IsCurrent(cycle.CurrentVoteRoundId, vote.Id) || draft is null ||
                        draft.ContentHash.ToString() != claims.ContentHash)
                    {
                        // A round that ended its cycle's voting (the text then went on to issuance, or back to
                        // resolution with no newer round yet) is no superseded link: it shows how it was decided.
                        var owner = CycleOf(domainRegulation, vote.Id);
                        return Refuse(owner is not null && IsCurrent(owner.CurrentVoteRoundId, vote.Id) && Domain.Voting.VoteRound.FromState(vote) is { IsDecided: true } decided
                            ? DecidedVotePage(decided, owner.Issuance, submitting)
                            : MessagePages.SupersededLink());
                    }

                    return new LinkTarget { Claims = claims, Regulation = regulation, LoadedVote = loadedVote, RecipientName = member.FullName, DocumentHash = draft.ContentHash };
                }

                case LinkAction.Consultation:
                {
                    var round = (await services.GetRequiredService<ConsultationStore>().GetRoundAsync(claims.RegulationId, claims.RoundId, ct))?.Value;
                    if (round is null || !round.Recipients.Contains(claims.RecipientId, StringComparer.Ordinal))
                    {
                        return Refuse(MessagePages.InvalidLink());
                    }

                    var draft = cycle?.Drafts.FirstOrDefault(d => d.Number == round.DraftVersion);
                    if (cycle is null || !IsCurrent(cycle.CurrentConsultationRoundId, round.Id) || draft is null ||
                        draft.ContentHash.ToString() != claims.ContentHash)
                    {
                        return Refuse(MessagePages.SupersededLink());
                    }

                    var recipient = await workflow.GetConsultationRecipientAsync(claims.RegulationId, round.Id, claims.RecipientId, ct);
                    return new LinkTarget
                    {
                        Claims = claims, Regulation = regulation, Consultation = round,
                        RecipientName = string.IsNullOrWhiteSpace(recipient?.Name) ? "đồng chí" : recipient.Name, DocumentHash = draft.ContentHash,
                    };
                }

                default:
                {
                    var filing = (await services.GetRequiredService<FilingStore>().GetAsync(claims.RegulationId, claims.RoundId, ct))?.Value;
                    if (filing is null || filing.UpperLevelOrganisationId != claims.RecipientId)
                    {
                        return Refuse(MessagePages.InvalidLink());
                    }

                    if (!IsCurrent(regulation.FilingId, filing.Id) || regulation.CurrentIssuance is not { } issuance ||
                        issuance.FinalDocumentHash.ToString() != claims.ContentHash)
                    {
                        return Refuse(MessagePages.SupersededLink());
                    }

                    var organisations = services.GetRequiredService<OrganisationStore>();
                    string upperLevelName = (await organisations.GetAsync(filing.UpperLevelOrganisationId, ct))?.Value.Name ?? "cấp ủy cấp trên";
                    string organisationName = (await organisations.GetAsync(organisationId, ct))?.Value.Name ?? "";
                    return new LinkTarget
                    {
                        Claims = claims, Regulation = regulation, Filing = filing, RecipientName = upperLevelName,
                        OrganisationName = organisationName, DocumentHash = issuance.FinalDocumentHash,
                    };
                }
            }
        }

        /// <summary>This target with the vote round as it is after a ballot this request cast (for showing it only).</summary>
        public LinkTarget WithVote(VoteRoundState vote) => new()
        {
            Claims = Claims, Regulation = Regulation, LoadedVote = new Loaded<VoteRoundState>(vote, default), RecipientName = RecipientName,
            DocumentHash = DocumentHash,
        };

        private static LinkTarget Refuse(IResult refusal) => new() { Refusal = refusal };
    }
}
