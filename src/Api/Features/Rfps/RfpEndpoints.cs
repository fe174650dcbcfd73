using FluentValidation;
using Marketplace.Api.Features.Awards;
using Marketplace.Api.Features.Evaluations;
using Marketplace.Api.Features.Proposals;
using Marketplace.Api.Infrastructure;
using Marketplace.Contracts;
using Marketplace.Core.Auditing;
using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Organisations;
using Marketplace.Core.Planning;
using Marketplace.Core.Rfps;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Rfps;

public sealed record RfpSummaryDto(Guid Id, string Title, string Status, int Version, DateTimeOffset? ProposalDeadline, DateTimeOffset UpdatedAt);

public sealed record RfpProblemDto(string Field, string Message);

/// <param name="Criterion">The criterion of 昭和61年労働省告示第37号 (or its Q&amp;A) the sentence runs against.</param>
public sealed record RfpFindingDto(string RuleCode, string Sentence, string Reason, string Suggestion, string Criterion);

/// <param name="Problems">What stops publishing, by field (empty: ready).</param>
/// <param name="Findings">Disguised-contracting findings in the text (publishing with any needs an acknowledgement).</param>
/// <param name="ReadinessOpen">The readiness checklist's items not ticked yet.</param>
/// <param name="Revision">The RFP's revision (also its ETag): send it as If-Match with a change, which is refused (412) when the RFP has moved on.</param>
public sealed record RfpDto(Guid Id, string Status, int Version, RfpContent Content, DateTimeOffset? PublishedAt, string? CancellationReason,
    DateTimeOffset UpdatedAt, IReadOnlyList<RfpProblemDto> Problems, IReadOnlyList<RfpFindingDto> Findings, IReadOnlyList<string> ReadinessOpen,
    string Revision);

public sealed record LabelDto(string Code, string Label);

public sealed record MatchReasonDto(string Code, int Points, string Text);

public sealed record RfpMatchDto(Guid VendorId, string VendorName, string Slug, int Score, IReadOnlyList<MatchReasonDto> Reasons, DateTimeOffset MatchedAt);

/// <param name="Total">Every match the RFP has, whichever page this is.</param>
/// <param name="Items">Best fit first (then by vendor, so that pages neither repeat nor skip one).</param>
public sealed record RfpMatchesPageDto(int Total, int Offset, int Limit, IReadOnlyList<RfpMatchDto> Items);

public sealed record AxisDto(string Code, string Label, int DefaultWeight);

/// <param name="AddendumMinimumProposalHours">The least time an addendum leaves before proposals close (a closer deadline moves later).</param>
/// <param name="AddendumMinimumQuestionHours">The same for questions.</param>
public sealed record RfpVocabularyDto(IReadOnlyList<LabelDto> Readiness, IReadOnlyList<AxisDto> Axes, int AddendumMinimumProposalHours, int AddendumMinimumQuestionHours);

/// <param name="FromTaskIds">Work-inventory tasks to start from: scope, volumes and services are filled in from them.</param>
/// <param name="FromTemplateId">One of the organisation's templates to start from (then the tasks add to it).</param>
public sealed record CreateRfpRequest(string? Title, Guid[]? FromTaskIds, Guid? FromTemplateId = null);

public sealed record RfpTemplateDto(Guid Id, string Name, DateTimeOffset CreatedAt);

public sealed record SaveTemplateRequest(string? Name);

/// <param name="AcknowledgeFindings">Publish although the disguised-contracting check found sentences to reword (recorded in the audit trail).</param>
public sealed record PublishRfpRequest(bool AcknowledgeFindings);

public sealed record CancelRfpRequest(string? Reason);

/// <param name="Content">The whole new content (as the builder saves a draft).</param>
/// <param name="ChangeSummary">What changed, in words the participants read.</param>
public sealed record PublishAddendumRequest(RfpContent? Content, string? ChangeSummary, bool AcknowledgeFindings);

/// <summary>
/// A client's RFPs: drafts saved as the user types, copied, started from work-inventory tasks; published once every
/// rule holds (all problems listed at once) and, when the text reads like directing the vendor's staff (偽装請負),
/// only with an acknowledgement that goes to the audit trail; cancelled with a reason. Moves the life cycle does not
/// allow answer 409. Private to the client organisation until published to vendors (matching).
/// </summary>
public static class RfpEndpoints
{
    public const int TextMaxLength = 4000;
    public const int ListMax = 50;

    public static RouteGroupBuilder MapRfpEndpoints(this RouteGroupBuilder api)
    {
        var editors = new[] { OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Procurement };
        var group = api.MapGroup("/rfps").WithTags("RFPs")
            .RequireOrganisationKind(OrganisationKind.Client, ("RFP は発注側の組織でのみ作成できます。ヘッダーで発注側の組織を選んでください。", "Only client organisations write RFPs. Choose a client organisation in the header."));
        group.MapGet("/", List).RequireMember(ApiScopes.RfpsRead).WithName("ListRfps").WithSummary("The organisation's RFPs, latest change first");
        group.MapGet("/vocabulary", Vocabulary).RequireMember(ApiScopes.RfpsRead).WithName("GetRfpVocabulary")
            .WithSummary("The readiness checklist and the evaluation axes, in the reader's language");
        group.MapPost("/", Create).RequireMember(ApiScopes.RfpsWrite, editors).Idempotent().WithName("CreateRfp").WithSummary("Start a draft: empty, from a template, or from work-inventory tasks");
        group.MapGet("/templates", Templates).RequireMember(ApiScopes.RfpsRead).WithName("ListRfpTemplates").WithSummary("The organisation's RFP templates");
        group.MapPost("/{rfpId:guid}/template", SaveAsTemplate).RequireMember(ApiScopes.RfpsWrite, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<SaveTemplateRequest>().Idempotent().WithName("SaveRfpAsTemplate").WithSummary("Save the RFP's content, without its dates, as a named template");
        group.MapDelete("/templates/{templateId:guid}", DeleteTemplate).RequireMember(ApiScopes.RfpsWrite, editors).WithName("DeleteRfpTemplate").WithSummary("Delete a template");
        group.MapGet("/{rfpId:guid}", Get).RequireMember(ApiScopes.RfpsRead).WithName("GetRfp")
            .WithSummary("An RFP with what stops publishing, the disguised-contracting findings and the open readiness items");
        group.MapPut("/{rfpId:guid}", Save).RequireMember(ApiScopes.RfpsWrite, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").Validate<RfpContent>()
            .WithName("SaveRfpDraft").HonoursIfMatch().WithSummary("Save the draft's content (whole); 409 once published");
        group.MapPost("/{rfpId:guid}/copy", Copy).RequireMember(ApiScopes.RfpsWrite, editors).Idempotent().WithName("CopyRfp").WithSummary("A new draft with the same content, deadlines cleared");
        group.MapPost("/{rfpId:guid}/publish", Publish).RequireMember(ApiScopes.RfpsWrite, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").WithName("PublishRfp").HonoursIfMatch()
            .WithSummary("Publish: 400 lists every problem; findings need acknowledgeFindings (audited); 409 unless a draft");
        group.MapPost("/{rfpId:guid}/cancel", Cancel).RequireMember(ApiScopes.RfpsWrite, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").WithName("CancelRfp").HonoursIfMatch()
            .WithSummary("Cancel a published RFP with a reason for the participants; 409 for a draft or a finished RFP");
        group.MapPost("/{rfpId:guid}/addenda", PublishAddendum).RequireMember(ApiScopes.RfpsWrite, editors).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .Validate<PublishAddendumRequest>().WithName("PublishRfpAddendum").HonoursIfMatch()
            .WithSummary("Change a published RFP: a new version with a change summary; participants are told and vendors matched again; 409 unless published");
        group.MapGet("/{rfpId:guid}/matches", Matches).RequireMember(ApiScopes.RfpsRead).WithName("GetRfpMatches")
            .WithSummary("A page of the vendors the published RFP matched (offset, limit 1-100, default 20), best fit first, each with its score and reasons, and how many matched in all");
        group.MapRfpParticipationEndpoints(editors);
        group.MapClientProposalEndpoints();
        group.MapEvaluationEndpoints();
        group.MapAwardEndpoints();
        group.MapRfpAttachmentEndpoints(editors);
        group.MapDelete("/{rfpId:guid}", Delete).RequireMember(ApiScopes.RfpsWrite, editors).WithName("DeleteRfpDraft").WithSummary("Delete a draft; 409 once published");
        return api;
    }

    private static bool English => Localization.CurrentLanguage == "en";

    /// <summary>Shape and limits of the content; completeness is checked only when publishing (a draft may be half written).</summary>
    public sealed class ContentValidator : AbstractValidator<RfpContent>
    {
        public ContentValidator()
        {
            RuleFor(x => x.Title).Must(t => t is null || t.Trim().Length <= 200).WithMessage(_ => Message("件名は 200 文字以内", "The title must be at most 200 characters."));
            foreach (var (name, select) in new (string, Func<RfpContent, string?>)[]
                     {
                         ("purpose", x => x.Purpose), ("background", x => x.Background), ("currentState", x => x.CurrentState),
                         ("responsibilityBoundary", x => x.ResponsibilityBoundary), ("communication", x => x.Communication),
                         ("transitionPlan", x => x.TransitionPlan), ("securityRequirements", x => x.SecurityRequirements),
                     })
                RuleFor(x => select(x)).Must(t => t is null || t.Length <= TextMaxLength).OverridePropertyName(name)
                    .WithMessage(_ => Message($"{TextMaxLength:N0} 文字以内で入力してください。", $"At most {TextMaxLength:N0} characters."));
            RuleFor(x => x.ScopeIn).Must(ShortList).WithMessage(_ => ListMessage());
            RuleFor(x => x.ScopeOut).Must(ShortList).WithMessage(_ => ListMessage());
            // A row may be half filled in a draft (publishing lists what is missing); what is there must fit.
            RuleFor(x => x.Kpis).Must(k => k is null || k.Length <= RowMax && k.All(t => t is not null))
                .WithMessage(_ => Message($"KPI は {RowMax} 件までです。", $"At most {RowMax} KPIs."));
            RuleForEach(x => x.Kpis).ChildRules(k =>
            {
                k.RuleFor(x => x.Metric).MaxChars("rfp.kpiMetric", 200);
                k.RuleFor(x => x.Unit).MaxChars("rfp.kpiUnit", 50);
                k.RuleFor(x => x.Target).InRange("rfp.kpiTarget", -KpiTarget.TargetMax, KpiTarget.TargetMax);
                k.RuleFor(x => x.Direction).OneOf("rfp.kpiDirection", KpiTarget.Directions, optional: true);
            });
            foreach (var (name, select) in new (string, System.Linq.Expressions.Expression<Func<RfpContent, IEnumerable<ExpectedVolume>>>)[]
                     { ("currentVolumes", x => x.CurrentVolumes), ("expectedVolumes", x => x.ExpectedVolumes) })
            {
                RuleFor(select).Must(v => v is null || v.Count() <= RowMax && v.All(x => x is not null)).OverridePropertyName(name)
                    .WithMessage(_ => Message($"ボリュームは {RowMax} 件までです。", $"At most {RowMax} volumes."));
                RuleForEach(select).ChildRules(v =>
                {
                    v.RuleFor(x => x.Item).MaxChars("rfp.volumeItem", 200);
                    v.RuleFor(x => x.Unit).MaxChars("rfp.volumeUnit", 50);
                    v.RuleFor(x => x.MonthlyQuantity).InRange("rfp.monthlyQuantity", 0, ExpectedVolume.MonthlyQuantityMax);
                });
            }
            RuleFor(x => x.RequiredCertifications).Must(c => c is null || c.All(CertificationTypes.Codes.Contains) && c.Distinct().Count() == c.Length)
                .WithMessage(_ => Message($"認証は {string.Join("・", CertificationTypes.Codes)} から選んでください。", $"Certifications: use {string.Join(", ", CertificationTypes.Codes)}."));
            RuleFor(x => x.Visibility).Must(v => v is "public" or "invited")
                .WithMessage(_ => Message("公開範囲は public（公開）か invited（招待のみ）です。", "Visibility is public or invited."));
            RuleFor(x => x.EvaluationAxes).Must(a => a is not null && a.All(x => x is not null) && a.Length == EvaluationAxes.All.Count && a.Select(x => x.Code).Order().SequenceEqual(EvaluationAxes.All.Select(x => x.Code).Order())
                    && a.All(x => x.Weight is >= 0 and <= 100))
                .WithMessage(_ => Message("評価軸は 8 軸すべてに 0〜100 の重みを付けてください。", "Give each of the eight axes a weight from 0 to 100."));
            RuleFor(x => x.Regions).Must(r => r is null || r.All(x => x is not null && VendorVocabulary.Regions.ContainsKey(x))).WithMessage(_ => Message("地域の値が不正です。", "Unknown region."));
            RuleFor(x => x.Languages).Must(l => l is null || l.All(x => x is not null && VendorVocabulary.Languages.ContainsKey(x))).WithMessage(_ => Message("言語の値が不正です。", "Unknown language."));
            RuleFor(x => x.ReadinessDone).Must(r => r is null || r.All(x => x is not null && ReadinessChecklist.Codes.Contains(x))).WithMessage(_ => Message("チェックリストの項目が不正です。", "Unknown checklist item."));
            RuleFor(x => x.ContractTermMonths).Must(m => m is null or >= 1 and <= 120)
                .WithMessage(_ => Message("契約期間は 1〜120 か月で入力してください。", "The contract term must be 1 to 120 months."));
            RuleFor(x => x.ParallelRunWeeks).Must(w => w is null or >= 0 and <= 104)
                .WithMessage(_ => Message("並走期間は 0〜104 週で入力してください。", "The parallel run must be 0 to 104 weeks."));
            RuleFor(x => x.BudgetMinYen).Must(y => y is null or >= 0 and <= 1_000_000_000_000)
                .WithMessage(_ => Message("予算は 0 円以上 1 兆円以下で入力してください。", "The budget must be between ¥0 and ¥1 trillion."));
            RuleFor(x => x.BudgetMaxYen).Must(y => y is null or >= 0 and <= 1_000_000_000_000)
                .WithMessage(_ => Message("予算は 0 円以上 1 兆円以下で入力してください。", "The budget must be between ¥0 and ¥1 trillion."))
                .Must((x, max) => x.BudgetMinYen is null || max is null || x.BudgetMinYen <= max)
                .WithMessage(_ => Message("予算の上限は下限以上にしてください。", "The budget maximum must not be below the minimum."));
            RuleFor(x => x.ClientIndustry).Must(i => i is null || i.Trim().Length <= 100)
                .WithMessage(_ => Message("業種は 100 文字以内で入力してください。", "The industry must be at most 100 characters."));
            RuleFor(x => x.ClientSize).Must(c => c is null || VendorVocabulary.ClientSizes.ContainsKey(c))
                .WithMessage(_ => Message($"企業規模は {string.Join("・", VendorVocabulary.ClientSizes.Keys)} から選んでください。", $"Client size: use {string.Join(", ", VendorVocabulary.ClientSizes.Keys)}."));
            RuleFor(x => x.ServiceIds).Must(s => s is null || s.Length <= 20).WithMessage(_ => Message("サービスは 20 件までです。", "At most 20 services."));
        }

        // JSON may send null for any list: null reads as empty (Normalised), a null item is an error.
        private static bool ShortList(string[] items) => items is null || items.Length <= ListMax && items.All(i => !string.IsNullOrWhiteSpace(i) && i.Length <= 500);
        private const int RowMax = 30;
        private static string ListMessage() => Message($"{ListMax} 項目まで、各項目は空にせず 500 文字以内で入力してください。", $"Up to {ListMax} items, none empty or over 500 characters.");
        private static string Message(string ja, string en) => English ? en : ja;
    }

    public sealed class AddendumValidator : AbstractValidator<PublishAddendumRequest>
    {
        public AddendumValidator()
        {
            RuleFor(x => x.Content).NotNull().WithMessage(_ => English ? "Send the whole new content." : "変更後の内容をすべて送ってください。")
                .SetValidator(new ContentValidator()!);
            RuleFor(x => x.ChangeSummary).Must(s => !string.IsNullOrWhiteSpace(s) && s.Trim().Length <= Rfp.ReasonMaxLength)
                .WithMessage(_ => English
                    ? $"Say what changed, for the participants (at most {Rfp.ReasonMaxLength:N0} characters)."
                    : $"参加ベンダー向けに、変更内容の要約を {Rfp.ReasonMaxLength:N0} 文字以内で入力してください。");
        }
    }

    public sealed class TemplateValidator : AbstractValidator<SaveTemplateRequest>
    {
        public TemplateValidator() => RuleFor(x => x.Name).Must(n => !string.IsNullOrWhiteSpace(n) && n.Trim().Length <= RfpTemplate.NameMaxLength)
            .WithMessage(_ => English ? $"Name the template (at most {RfpTemplate.NameMaxLength} characters)." : $"テンプレート名を {RfpTemplate.NameMaxLength} 文字以内で入力してください。");
    }

    private static ProblemHttpResult NoSuchRfp() => ApiProblems.NotFound(English ? "There is no such RFP in your organisation." : "この RFP は、あなたの組織にありません。");

    private static ProblemHttpResult Illegal(IllegalRfpTransitionException e) => ApiProblems.Conflict(
        English ? "Not possible in this state" : "この状態ではできません",
        English ? $"The RFP is {e.From.ToString().ToLowerInvariant()}; it cannot be {e.Action}." : $"この RFP は「{StatusName(e.From)}」のため、この操作はできません。");

    private static string StatusName(RfpStatus status) => status switch
    {
        RfpStatus.Draft => "下書き",
        RfpStatus.Published => "公開中",
        RfpStatus.Closed => "締切済み",
        RfpStatus.Evaluating => "評価中",
        RfpStatus.Awarded => "決定済み",
        _ => "中止",
    };

    /// <summary>The RFP as the client reads it, for a tracked (or just saved) <paramref name="rfp"/>; the answer carries its revision as the ETag.</summary>
    private static RfpDto ToDto(MarketplaceDbContext db, HttpContext http, Rfp rfp, DateTimeOffset now)
    {
        var entry = db.Entry(rfp);
        Revisions.Tag(http, entry);
        return new(rfp.Id, rfp.Status.ToString().ToLowerInvariant(), rfp.Version, rfp.Content, rfp.PublishedAt, rfp.CancellationReason, rfp.UpdatedAt,
            rfp.Status == RfpStatus.Draft ? RfpPublishing.Problems(rfp.Content, now).Select(p => new RfpProblemDto(p.Field, English ? p.En : p.Ja)).ToList() : [],
            RfpPublishing.Findings(rfp.Content, English).Select(f => new RfpFindingDto(f.RuleCode, f.Sentence, f.Reason, f.Suggestion, f.Criterion)).ToList(),
            ReadinessChecklist.Items.Select(i => i.Code).Where(code => !rfp.Content.ReadinessDone.Contains(code)).ToList(), Revisions.Of(entry));
    }

    private static async Task<Results<Ok<List<RfpSummaryDto>>, ProblemHttpResult>> List(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var rfps = await db.Rfps.AsNoTracking().OrderByDescending(r => r.UpdatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(rfps.Select(r => new RfpSummaryDto(r.Id, r.Content.Title, r.Status.ToString().ToLowerInvariant(), r.Version,
            r.Content.ProposalDeadline, r.UpdatedAt)).ToList());
    }

    private static Ok<RfpVocabularyDto> Vocabulary(IOptions<AddendumOptions> addenda) => TypedResults.Ok(new RfpVocabularyDto(
        ReadinessChecklist.Items.Select(i => new LabelDto(i.Code, English ? i.En : i.Ja)).ToList(),
        EvaluationAxes.All.Select(a => new AxisDto(a.Code, English ? a.En : a.Ja, a.DefaultWeight)).ToList(),
        (int)Math.Ceiling(addenda.Value.MinimumProposalPeriod.TotalHours), (int)Math.Ceiling(addenda.Value.MinimumQuestionPeriod.TotalHours)));

    private static async Task<Results<Created<RfpDto>, ValidationProblem, ProblemHttpResult>> Create(CreateRfpRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var content = new RfpContent { Title = request.Title?.Trim() ?? "" };
        if (request.FromTemplateId is { } templateId)
        {
            // Another organisation's template is invisible here, so it reads as unknown.
            var template = await db.RfpTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
            if (template is null)
                return ValidationRules.FieldProblem(new Dictionary<string, string[]>
                {
                    ["fromTemplateId"] = [English ? "There is no such template in your organisation." : "このテンプレートは、あなたの組織にありません。"],
                });
            content = template.Content with { Title = content.Title.Length > 0 ? content.Title : template.Content.Title };
        }
        if (content.Title.Length > 200)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["title"] = [English ? "The title must be at most 200 characters." : "件名は 200 文字以内で入力してください。"] });
        var taskIds = request.FromTaskIds ?? [];
        if (taskIds.Length > 0)
        {
            // Another organisation's tasks are invisible here, so they read as unknown.
            var tasks = await db.WorkTasks.AsNoTracking().Where(t => taskIds.Contains(t.Id)).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
            if (tasks.Count != taskIds.Distinct().Count())
                return ValidationRules.FieldProblem(new Dictionary<string, string[]>
                {
                    ["fromTaskIds"] = [English ? "Some of these tasks are not in your work inventory." : "業務棚卸しにない業務が含まれています。"],
                });
            content = await FromTasksAsync(content, tasks, db, cancellationToken);
        }
        var now = clock.GetUtcNow();
        var rfp = new Rfp(actor.OrganisationId!.Value, content, now);
        db.Rfps.Add(rfp);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/rfps/{rfp.Id}", ToDto(db, http, rfp, now));
    }

    /// <summary>Scope, current and expected volumes, hours and services from the chosen tasks; the rest is for the author.</summary>
    private static async Task<RfpContent> FromTasksAsync(RfpContent content, List<WorkTask> tasks, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var catalogue = await db.CatalogueServices.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(cancellationToken);
        var services = tasks.Where(t => t.CheckedAt is not null)
            .Select(t => CoreNonCoreCheck.Assess(t.Name, t.CheckYes.ToHashSet(StringComparer.Ordinal), catalogue, English).SuggestedServiceId)
            .Concat(tasks.Select(t => CoreNonCoreCheck.ServiceFor(t.Name, catalogue)?.Id))
            .OfType<Guid>().Distinct().ToArray();
        var volumes = tasks.Where(t => t.MonthlyVolume is not null)
            .Select(t => new ExpectedVolume(t.Name, t.VolumeUnit ?? (English ? "items" : "件"), t.MonthlyVolume!.Value)).ToArray();
        var state = string.Join("\n", tasks.Select(t => English
            ? $"{t.Name}: {t.HoursPerMonth:0.#} hours a month{(t.MonthlyVolume is { } v ? $", {v:N0} {t.VolumeUnit} a month" : "")}{(t.Department is { } d ? $" ({d})" : "")}"
            : $"{t.Name}：月 {t.HoursPerMonth:0.#} 時間{(t.MonthlyVolume is { } volume ? $"、月 {volume:N0} {t.VolumeUnit}" : "")}{(t.Department is { } department ? $"（{department}）" : "")}"));
        var confidential = tasks.Any(t => t.CheckYes.Contains("confidentialData"));
        return content with
        {
            Title = content.Title.Length > 0 ? content.Title : (English ? $"Outsourcing: {tasks[0].Name}" : $"{tasks[0].Name}の委託"),
            ScopeIn = tasks.Select(t => t.Name).ToArray(),
            CurrentState = state,
            CurrentVolumes = volumes,
            ExpectedVolumes = volumes,
            ServiceIds = services,
            RequiredCertifications = confidential ? ["isms"] : [],
            ReadinessDone = tasks.All(t => t.CheckedAt is not null) ? ["coreNonCore"] : [],
        };
    }

    private static async Task<Results<Ok<RfpDto>, ProblemHttpResult>> Get(Guid rfpId, MarketplaceDbContext db, HttpContext http, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken); // tracked, for its revision
        return rfp is null ? NoSuchRfp() : TypedResults.Ok(ToDto(db, http, rfp, clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> Save(Guid rfpId, RfpContent content,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        content = Normalised(content);
        if (await UnknownServicesAsync(content, db, cancellationToken) is { } unknown) return unknown;
        var now = clock.GetUtcNow();
        try
        {
            rfp.EditDraft(content, now);
        }
        catch (IllegalRfpTransitionException e)
        {
            return Illegal(e);
        }
        await db.SaveChangesAsync(cancellationToken); // a save that lost a race to another answers 409 (or 412 with If-Match)
        return TypedResults.Ok(ToDto(db, http, rfp, now));
    }

    /// <summary>Trimmed, de-duplicated, and every list present (JSON may send null for one).</summary>
    private static RfpContent Normalised(RfpContent c) => c with
    {
        Title = c.Title?.Trim() ?? "",
        CurrentVolumes = c.CurrentVolumes ?? [],
        ScopeIn = (c.ScopeIn ?? []).Select(s => s.Trim()).ToArray(),
        ScopeOut = (c.ScopeOut ?? []).Select(s => s.Trim()).ToArray(),
        Kpis = c.Kpis ?? [],
        RequiredCertifications = c.RequiredCertifications ?? [],
        ExpectedVolumes = c.ExpectedVolumes ?? [],
        ServiceIds = (c.ServiceIds ?? []).Distinct().ToArray(),
        Regions = c.Regions ?? [],
        Languages = c.Languages ?? [],
        ReadinessDone = (c.ReadinessDone ?? []).Distinct().ToArray(),
    };

    private static async Task<Ok<List<RfpTemplateDto>>> Templates(MarketplaceDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await db.RfpTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new RfpTemplateDto(t.Id, t.Name, t.CreatedAt)).ToListAsync(cancellationToken));

    private static async Task<Results<Created<RfpTemplateDto>, ValidationProblem>> SaveAsTemplate(Guid rfpId, SaveTemplateRequest request,
        MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        var name = request.Name!.Trim();
        string? problem = null;
        if (await db.RfpTemplates.AnyAsync(t => t.Name == name, cancellationToken))
            problem = DuplicateTemplateName();
        else if (await db.RfpTemplates.CountAsync(cancellationToken) >= RfpTemplate.MaxPerOrganisation)
            problem = English ? $"At most {RfpTemplate.MaxPerOrganisation} templates; delete one first." : $"テンプレートは {RfpTemplate.MaxPerOrganisation} 件までです。不要なものを削除してください。";
        if (problem is not null) return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["name"] = [problem] });
        var template = new RfpTemplate(rfp.OrganisationId, name, rfp.Content, clock.GetUtcNow());
        db.RfpTemplates.Add(template);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation()) // a colleague saved one with this name a moment ago
        {
            return ValidationRules.FieldProblem(new Dictionary<string, string[]> { ["name"] = [DuplicateTemplateName()] });
        }
        return TypedResults.Created($"/api/v1/rfps/templates/{template.Id}", new RfpTemplateDto(template.Id, template.Name, template.CreatedAt));
    }

    private static string DuplicateTemplateName() =>
        English ? "A template with this name exists; choose another name." : "同じ名前のテンプレートがあります。別の名前にしてください。";

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteTemplate(Guid templateId, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        await db.RfpTemplates.Where(t => t.Id == templateId).ExecuteDeleteAsync(cancellationToken) == 1
            ? TypedResults.NoContent()
            : ApiProblems.NotFound(English ? "There is no such template in your organisation." : "このテンプレートは、あなたの組織にありません。");

    private static async Task<Results<Created<RfpDto>, ProblemHttpResult>> Copy(Guid rfpId, MarketplaceDbContext db, HttpContext http, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var source = await db.Rfps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (source is null) return NoSuchRfp();
        var now = clock.GetUtcNow();
        var title = source.Content.Title + (English ? " (copy)" : "（コピー）");
        // The old deadlines have passed or belong to the other RFP.
        var copy = new Rfp(source.OrganisationId, RfpTemplate.WithoutDates(source.Content) with { Title = title.Length > 200 ? title[..200] : title }, now);
        db.Rfps.Add(copy);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/rfps/{copy.Id}", ToDto(db, http, copy, now));
    }

    private static ValidationProblem ProblemsAnswer(List<RfpProblem> problems) =>
        ValidationRules.FieldProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => English ? p.En : p.Ja).ToArray()));

    private static ValidationProblem UnacknowledgedFindings(int count) => ValidationRules.FieldProblem(new Dictionary<string, string[]>
    {
        ["acknowledgeFindings"] = [English
            ? $"The text has {count} sentence(s) that read like directing the vendor's staff (disguised contracting). Reword them, or publish with the acknowledgement."
            : $"本文に、受託者の従業員への指揮命令と読める文が {count} 件あります（偽装請負のおそれ）。書き直すか、確認のうえ公開してください。"],
    });

    /// <summary>Services must be in the catalogue and not retired; null when they are.</summary>
    private static async Task<ValidationProblem?> UnknownServicesAsync(RfpContent content, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (content.ServiceIds.Length == 0) return null;
        var offered = await db.CatalogueServices.AsNoTracking().Where(s => content.ServiceIds.Contains(s.Id) && s.RetiredAt == null).CountAsync(cancellationToken);
        return offered == content.ServiceIds.Length ? null : ValidationRules.FieldProblem(new Dictionary<string, string[]>
        {
            ["serviceIds"] = [English ? "Choose services from the catalogue (retired ones cannot be requested)." : "サービスはカタログから選んでください（提供終了のサービスは選べません）。"],
        });
    }

    private static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> Publish(Guid rfpId, PublishRfpRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        if (rfp.Status != RfpStatus.Draft) return Illegal(new IllegalRfpTransitionException(rfp.Status, "published"));
        var now = clock.GetUtcNow();
        var problems = RfpPublishing.Problems(rfp.Content, now);
        if (problems.Count > 0) return ProblemsAnswer(problems);
        var findings = RfpPublishing.Findings(rfp.Content, English);
        if (findings.Count > 0 && !request.AcknowledgeFindings) return UnacknowledgedFindings(findings.Count);

        var clientName = await db.Organisations.Where(o => o.Id == rfp.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = rfp.Publish(now);
        db.RfpVersions.Add(version);
        db.RfpListings.Add(new RfpListing(rfp, clientName, now)); // from now on vendors may see it (all, or the invited)
        db.RfpDeadlines.Add(new RfpDeadline(rfp.Id, rfp.OrganisationId, rfp.Content.ProposalDeadline!.Value)); // the Workers close it then
        db.EnqueueMessage(new RfpPublished(rfp.Id, rfp.OrganisationId, version.Number, now), rfp.OrganisationId, clock);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpPublished, "rfp", rfp.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new
            {
                rfp.Content.Title,
                version = version.Number,
                // Who published over which findings is what an auditor asks afterwards.
                acknowledgedFindings = findings.Select(f => new { f.RuleCode, f.Sentence }).ToList(),
            }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToDto(db, http, rfp, now));
    }

    private static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> Cancel(Guid rfpId, CancelRfpRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Trim().Length > Rfp.ReasonMaxLength)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [English
                    ? $"Give the reason the participants will read (at most {Rfp.ReasonMaxLength:N0} characters)."
                    : $"参加ベンダーに伝える中止の理由を {Rfp.ReasonMaxLength:N0} 文字以内で入力してください。"],
            });
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            rfp.Cancel(request.Reason, now);
        }
        catch (IllegalRfpTransitionException e)
        {
            return Illegal(e);
        }
        await db.RfpDeadlines.Where(d => d.RfpId == rfp.Id).ExecuteDeleteAsync(cancellationToken);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfp.Id, cancellationToken)).Update(rfp, now);
        await RfpNotices.ToParticipantsAsync(db, rfp, NotificationTypes.RfpCancelled, $"{NotificationTypes.RfpCancelled}:{rfp.Id}",
            new Dictionary<string, string> { ["reason"] = rfp.CancellationReason! }, clock, cancellationToken, invitedToo: true);
        db.EnqueueMessage(new RfpCancelled(rfp.Id, rfp.OrganisationId, rfp.CancellationReason!, now), rfp.OrganisationId, clock);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpCancelled, "rfp", rfp.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfp.Content.Title, reason = rfp.CancellationReason }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToDto(db, http, rfp, now));
    }

    private static async Task<Results<Ok<RfpDto>, ValidationProblem, ProblemHttpResult>> PublishAddendum(Guid rfpId, PublishAddendumRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, IOptions<AddendumOptions> periods, TimeProvider clock, CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return NoSuchRfp();
        if (Revisions.Mismatch(http, db.Entry(rfp)) is { } stale) return stale;
        if (rfp.Status != RfpStatus.Published) return Illegal(new IllegalRfpTransitionException(rfp.Status, "changed by an addendum"));
        var content = Normalised(request.Content!);
        if (await UnknownServicesAsync(content, db, cancellationToken) is { } unknown) return unknown;
        var now = clock.GetUtcNow();
        var problems = RfpPublishing.Problems(content, now, published: rfp.Content);
        if (problems.Count > 0) return ProblemsAnswer(problems);
        if (content.SameAs(rfp.Content))
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["content"] = [English ? "Nothing changed: an addendum needs a change." : "変更がありません。内容を変更してから補遺を公開してください。"],
            });
        var findings = RfpPublishing.Findings(content, English);
        if (findings.Count > 0 && !request.AcknowledgeFindings) return UnacknowledgedFindings(findings.Count);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var version = rfp.PublishAddendum(content, request.ChangeSummary!, now, periods.Value);
        db.RfpVersions.Add(version);
        (await db.RfpListings.SingleAsync(l => l.RfpId == rfp.Id, cancellationToken)).Update(rfp, now);
        (await db.RfpDeadlines.SingleAsync(d => d.RfpId == rfp.Id, cancellationToken)).MoveTo(rfp.Content.ProposalDeadline!.Value);
        await RfpNotices.ToParticipantsAsync(db, rfp, NotificationTypes.RfpAddendum, $"{NotificationTypes.RfpAddendum}:{rfp.Id}:{version.Number}",
            new Dictionary<string, string>
            {
                ["version"] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["summary"] = version.ChangeSummary!,
                // The deadline as it stands after the addendum (perhaps moved later to leave the vendors enough time).
                ["deadline"] = rfp.Content.ProposalDeadline!.Value.ToString("O"),
            },
            clock, cancellationToken, invitedToo: true);
        db.EnqueueMessage(new RfpPublished(rfp.Id, rfp.OrganisationId, version.Number, now), rfp.OrganisationId, clock); // match again
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.RfpAddendum, "rfp", rfp.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new
            {
                content.Title,
                version = version.Number,
                summary = version.ChangeSummary,
                rfp.Content.QuestionDeadline,
                rfp.Content.ProposalDeadline,
                acknowledgedFindings = findings.Select(f => new { f.RuleCode, f.Sentence }).ToList(),
            }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToDto(db, http, rfp, now));
    }

    public const int MatchesPageMax = 100;

    private static async Task<Results<Ok<RfpMatchesPageDto>, ValidationProblem, ProblemHttpResult>> Matches(Guid rfpId, int? offset, int? limit,
        MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (offset is < 0) errors["offset"] = [English ? "The offset must be 0 or more." : "開始位置は 0 以上で指定してください。"];
        if (limit is < 1 or > MatchesPageMax)
            errors["limit"] = [English ? $"The limit must be between 1 and {MatchesPageMax}." : $"件数は 1〜{MatchesPageMax} で指定してください。"];
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);
        if (!await db.Rfps.AnyAsync(r => r.Id == rfpId, cancellationToken)) return NoSuchRfp();
        var (skip, take) = (offset ?? 0, limit ?? 20);
        var matches = db.RfpMatches.AsNoTracking().Where(m => m.RfpId == rfpId);
        var total = await matches.CountAsync(cancellationToken);
        // A matched vendor is listed (matching reads only listed vendors); its name is its organisation's all the same.
        var page = await (
                from m in matches
                join o in db.Organisations.AsNoTracking() on m.VendorId equals o.Id
                join e in db.VendorSearchEntries.AsNoTracking() on m.VendorId equals e.OrganisationId into entries
                from e in entries.DefaultIfEmpty()
                orderby m.Score descending, m.VendorId
                select new { m, o.Name, Slug = e == null ? "" : e.Slug })
            .Skip(skip).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new RfpMatchesPageDto(total, skip, take, page.Select(x => new RfpMatchDto(x.m.VendorId, x.Name, x.Slug, x.m.Score,
            x.m.Reasons.Select(r => new MatchReasonDto(r.Code, r.Points, English ? r.En : r.Ja)).ToList(), x.m.MatchedAt)).ToList()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid rfpId, MarketplaceDbContext db, Marketplace.Core.Files.IFileStorage storage,
        CancellationToken cancellationToken)
    {
        var rfp = await db.Rfps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken);
        if (rfp is null) return NoSuchRfp();
        if (rfp.Status != RfpStatus.Draft) return Illegal(new IllegalRfpTransitionException(rfp.Status, "deleted (cancel it instead)"));
        var files = await db.RfpAttachments.Where(a => a.RfpId == rfpId).Select(a => a.FileKey).ToListAsync(cancellationToken);
        // One conditional statement: of two deletes at once (a double click) one removes the draft, the other finds it gone;
        // a draft published meanwhile is not deleted. The attachments' rows go with it (cascade).
        if (await db.Rfps.Where(r => r.Id == rfpId && r.Status == RfpStatus.Draft).ExecuteDeleteAsync(cancellationToken) == 0)
            return await db.Rfps.AsNoTracking().FirstOrDefaultAsync(r => r.Id == rfpId, cancellationToken) is { } now
                ? Illegal(new IllegalRfpTransitionException(now.Status, "deleted (cancel it instead)"))
                : NoSuchRfp();
        foreach (var key in files) await storage.DeleteAsync(key, cancellationToken); // after the commit: never a row without its file
        return TypedResults.NoContent();
    }
}
