using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Billing;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Marketplace.Api.Features.Proposals;

public sealed record ProposalVersionDto(int Number, int RfpVersion, DateTimeOffset ReceivedAt);

/// <summary>One thing that happened to the proposal, oldest first: each submission, each withdrawal and reopening.</summary>
/// <param name="Kind">submitted, withdrawn or reopened.</param>
/// <param name="Number">The submission's number (submitted only).</param>
/// <param name="RfpVersion">The RFP version it answered (submitted only).</param>
public sealed record ProposalEventDto(string Kind, DateTimeOffset At, int? Number, int? RfpVersion);

/// <param name="Code">What is missing (fees, kpi:{metric}, security:{question}, bcp, transitionPlan, team, exit).</param>
/// <param name="Label">The same in the reader's language.</param>
public sealed record MissingItemDto(string Code, string Label);

public sealed record SecurityQuestionDto(string Code, string Question)
{
    /// <summary>The questionnaire in the reader's language.</summary>
    public static List<SecurityQuestionDto> All() =>
        SecurityQuestionnaire.Questions.Select(code => new SecurityQuestionDto(code, SecurityQuestionnaire.Question(code).ToString())).ToList();
}

/// <param name="NeedsReconfirmation">Submitted against an earlier RFP version: re-confirm or revise before the deadline.</param>
/// <param name="Open">Proposals are accepted now (the RFP is published and the deadline has not passed).</param>
/// <param name="Cost">The total cost of the working copy over the RFP's term at its expected volumes.</param>
/// <param name="Revision">The proposal's revision (also its ETag): send it as If-Match with a change, which is refused (412) when the proposal has moved on.</param>
public sealed record ProposalDto(Guid Id, Guid RfpId, string Status, ProposalContent Content, int SubmittedVersion, int RfpVersion, int CurrentRfpVersion,
    bool NeedsReconfirmation, DateTimeOffset? SubmittedAt, DateTimeOffset Deadline, bool Open, IReadOnlyList<ProposalVersionDto> Versions,
    IReadOnlyList<ProposalEventDto> History, IReadOnlyList<MissingItemDto> Missing, TotalCost Cost, CostSensitivity Sensitivity, IReadOnlyList<SecurityQuestionDto> Questionnaire, DateTimeOffset UpdatedAt,
    string Revision);

/// <summary>
/// The vendor's side of a proposal to an RFP it sees: start one (prefilled from the profile: fees and the security
/// answers of its answer library), save the working copy as it types, submit (every submission kept with its receipt
/// time; again after an addendum to re-confirm), withdraw and reopen. Nothing after the deadline (409 naming it).
/// The client cannot read any of it before the deadline (row-level security; decision 0014).
/// </summary>
public static partial class VendorProposalEndpoints
{
    public const long MaxYen = 100_000_000_000;

    public static RouteGroupBuilder MapVendorProposalEndpoints(this RouteGroupBuilder api)
    {
        var writers = new[] { OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Sales };
        var group = api.MapGroup("/vendor/rfps/{rfpId:guid}/proposal").WithTags("Vendor proposals")
            .RequireOrganisationKind(OrganisationKind.Vendor, "proposals.vendorsOnly");
        group.MapGet("/", Get).RequireMember(ApiScopes.ProposalsRead).WithName("GetMyProposal")
            .WithSummary("This vendor's proposal to the RFP, with its submitted versions, what is missing and its total cost; 404 when there is none");
        group.MapPost("/", Start).RequireMember(null, writers).WithName("StartProposal")
            .WithSummary("Start a proposal, prefilled from the vendor profile; 409 when one exists or proposals are closed");
        group.MapPut("/", Save).RequireMember(null, writers).Validate<ProposalContent>().WithName("SaveProposal").HonoursIfMatch()
            .WithSummary("Save the working copy (a submitted proposal stays submitted until submitted again); 409 after the deadline");
        group.MapPost("/submit", Submit).RequireMember(null, writers).WithName("SubmitProposal").HonoursIfMatch().ProducesProblem(StatusCodes.Status402PaymentRequired)
            .WithSummary("Submit, revise or re-confirm: a new version with its receipt time; 400 listing what is missing, 402 beyond the plan's monthly quota (a first submission), 409 after the deadline");
        group.MapPost("/withdraw", Withdraw).RequireMember(null, writers).WithName("WithdrawProposal").HonoursIfMatch().WithSummary("Withdraw the submitted proposal; 409 after the deadline");
        group.MapPost("/reopen", Reopen).RequireMember(null, writers).WithName("ReopenProposal").HonoursIfMatch().WithSummary("Make a withdrawn proposal a draft again");
        group.MapAttachmentEndpoints(writers);
        return api;
    }

    private static bool English => Localization.CurrentLanguage == "en";

    private static ProblemHttpResult NoSuchRfp() =>
        ApiProblems.NotFound(English ? "There is no such RFP, or it is not open to your company." : "この RFP は存在しないか、貴社には公開されていません。");

    private static ProblemHttpResult NoProposal() =>
        ApiProblems.NotFound(English ? "Your company has no proposal to this RFP yet." : "この RFP への提案はまだ作成されていません。");

    /// <summary>409 naming the deadline, in the reader's language (Japan time for Japanese readers).</summary>
    /// <summary>Proposals closed, said as the proposal's own refusal says it (for the checks made before the entity's).</summary>
    private static ProblemHttpResult Closed(DateTimeOffset deadline)
    {
        var refused = new ProposalDeadlinePassedException(deadline);
        return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: TextCatalogue.Say(refused.Title), detail: TextCatalogue.Say(refused.Detail),
            extensions: new Dictionary<string, object?>(refused.Facts) { ["code"] = refused.Detail.Code });
    }

    /// <summary>The listing (what this vendor may see of the RFP) and its version in force; null when it may not see it.</summary>
    private static async Task<(RfpListing Listing, RfpContent Content)?> RfpAsync(MarketplaceDbContext db, Guid rfpId, CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing is null) return null;
        // The client's version row, read through the listing this vendor sees (row-level security).
        var content = await db.RfpVersions.IgnoreQueryFilters([MarketplaceDbContext.TenantFilter]).AsNoTracking()
            .Where(v => v.RfpId == rfpId && v.Number == listing.Version).Select(v => v.Content).SingleAsync(cancellationToken);
        return (listing, content);
    }

    private static DateTimeOffset DeadlineOf(RfpListing listing) => listing.ProposalDeadline ?? DateTimeOffset.MinValue;

    /// <summary>The proposal as its vendor reads it, for a tracked (or just saved) <paramref name="proposal"/>; the answer carries its revision as the ETag.</summary>
    private static async Task<ProposalDto> ToDtoAsync(MarketplaceDbContext db, HttpContext http, Proposal proposal, RfpListing listing, RfpContent rfp,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var entry = db.Entry(proposal);
        Revisions.Tag(http, entry);
        var versions = await db.ProposalVersions.AsNoTracking().Where(v => v.ProposalId == proposal.Id).OrderBy(v => v.Number)
            .Select(v => new ProposalVersionDto(v.Number, v.RfpVersion, v.ReceivedAt)).ToListAsync(cancellationToken);
        // Withdrawals and reopenings live in the audit trail (the proposal keeps only its current state).
        var id = proposal.Id.ToString();
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.OrganisationId == proposal.VendorId && a.ObjectType == "proposal" && a.ObjectId == id && (a.Action == AuditActions.ProposalWithdrawn || a.Action == AuditActions.ProposalReopened))
            .Select(a => new { a.Action, a.OccurredAt }).ToListAsync(cancellationToken);
        var history = versions.Select(v => new ProposalEventDto("submitted", v.ReceivedAt, v.Number, v.RfpVersion))
            .Concat(changes.Select(c => new ProposalEventDto(c.Action == AuditActions.ProposalWithdrawn ? "withdrawn" : "reopened", c.OccurredAt, null, null)))
            .OrderBy(e => e.At).ToList();
        return new ProposalDto(proposal.Id, proposal.RfpId, proposal.Status.ToString().ToLowerInvariant(), proposal.Content, proposal.SubmittedVersion,
            proposal.RfpVersion, listing.Version, proposal.Status == ProposalStatus.Submitted && !proposal.Conforms(listing.Version), proposal.SubmittedAt,
            DeadlineOf(listing), listing.TakesProposals(now), versions, history,
            proposal.Content.MissingFor(rfp).Select(code => new MissingItemDto(code, MissingLabel(code))).ToList(),
            TotalCostOfOwnership.Of(proposal.Content.Fees, rfp), TotalCostOfOwnership.Sensitivity(proposal.Content.Fees, rfp),
            SecurityQuestionDto.All(), proposal.UpdatedAt, Revisions.Of(entry));
    }

    private static string MissingLabel(string code) => code.Split(':', 2) switch
    {
        ["fees"] => English ? "The fees" : "費用",
        ["kpi", var metric] => English ? $"A commitment for the KPI \"{metric}\"" : $"KPI「{metric}」のコミット値",
        ["security", var question] => SecurityQuestionnaire.Questions.Contains(question)
            ? (English ? $"Security: {SecurityQuestionnaire.Question(question)}" : $"セキュリティ：{SecurityQuestionnaire.Question(question)}") : question,
        ["bcp"] => English ? "The BCP (the RFP requires one)" : "BCP（RFP で必須）",
        ["transitionPlan"] => English ? "The transition plan" : "移行計画",
        ["team"] => English ? "The team" : "体制",
        ["exit"] => English ? "The exit terms (manual handover and data return)" : "契約終了時の条件（マニュアルの引き継ぎとデータ返却）",
        _ => code,
    };

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Get(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var proposal = await MineAsync(db, rfpId, actor.OrganisationId!.Value, cancellationToken); // tracked, for its revision
        if (proposal is null) return NoProposal();
        return TypedResults.Ok(await ToDtoAsync(db, http, proposal, listing, rfp, clock.GetUtcNow(), cancellationToken));
    }

    private static async Task<Results<Created<ProposalDto>, ProblemHttpResult>> Start(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, IOptions<BillingOptions> billing, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var now = clock.GetUtcNow();
        if (!listing.TakesProposals(now)) return Closed(DeadlineOf(listing));
        var vendorId = actor.OrganisationId!.Value;
        if (await db.Proposals.AnyAsync(p => p.RfpId == rfpId && p.VendorId == vendorId, cancellationToken))
            return ApiProblems.Conflict(English ? "A proposal exists" : "提案は作成済みです",
                English ? "Your company already has a proposal to this RFP: open it to continue." : "この RFP への提案は作成済みです。続きから編集してください。");

        var profile = await db.VendorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationId == vendorId, cancellationToken);
        var entitlement = await Entitlements.ForAsync(db, vendorId, billing.Value, now, cancellationToken);
        var proposal = new Proposal(rfpId, vendorId, listing.ClientOrganisationId, Prefilled(profile, entitlement.Options.AnswerLibrary), now);
        db.Proposals.Add(proposal);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Proposing is taking part: answers, addenda and the deadline reach this vendor (the client sees a count, not who).
        await RfpParticipants.JoinAsync(db, listing, vendorId, clock, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return ApiProblems.Conflict(English ? "A proposal exists" : "提案は作成済みです",
                English ? "A colleague has just started this proposal: open it to continue." : "同僚がこの提案を作成したところです。続きから編集してください。");
        }
        await db.AppendAuditAsync(new AuditRecord(vendorId, actor.AuditName, AuditActions.ProposalStarted, "proposal", proposal.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/vendor/rfps/{rfpId}/proposal", await ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }

    /// <summary>
    /// What the profile already says: the fees, and the security answers of its answer library when the plan includes
    /// the answer library (decision 0018).
    /// </summary>
    private static ProposalContent Prefilled(VendorProfile? profile, bool answerLibrary) => new()
    {
        Fees = new ProposalFees
        {
            InitialYen = profile?.InitialFeeYen ?? 0,
            MonthlyYen = profile?.MonthlyBaseYen ?? 0,
            UnitPrices = profile?.UnitPrices.Select(u => new UnitPrice { Unit = u.Unit, Bands = u.Bands.Select(b => new VolumeBand { FromQuantity = b.FromQuantity, PriceYen = b.PriceYen }).ToList() }).ToArray() ?? [],
            ExtraChargeConditions = profile?.ExtraChargeConditions ?? [],
            StandardInclusions = profile?.StandardInclusions ?? [],
        },
        Security = SecurityQuestionnaire.PrefillFrom(answerLibrary ? profile : null),
    };

    /// <summary>This vendor's proposal to the RFP, tracked for a change.</summary>
    private static Task<Proposal?> MineAsync(MarketplaceDbContext db, Guid rfpId, Guid vendorId, CancellationToken cancellationToken) =>
        db.Proposals.FirstOrDefaultAsync(p => p.RfpId == rfpId && p.VendorId == vendorId, cancellationToken);

    /// <summary>This vendor's proposal, to change: 404 when there is none, 412 when the request's If-Match names an older revision.</summary>
    private static async Task<(Proposal? Proposal, ProblemHttpResult? Problem)> MineToChangeAsync(MarketplaceDbContext db, HttpContext http, Guid rfpId,
        Guid vendorId, CancellationToken cancellationToken)
    {
        var proposal = await MineAsync(db, rfpId, vendorId, cancellationToken);
        if (proposal is null) return (null, NoProposal());
        return Revisions.Mismatch(http, db.Entry(proposal)) is { } stale ? (null, stale) : (proposal, null);
    }

    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Save(Guid rfpId, ProposalContent content, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var (proposal, problem) = await MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetUtcNow();
        proposal.Edit(Normalised(content), DeadlineOf(listing), now);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }

    /// <summary>Texts trimmed and empty list items dropped, as the RFP builder does.</summary>
    private static ProposalContent Normalised(ProposalContent c) => c with
    {
        Summary = c.Summary?.Trim(),
        Bcp = c.Bcp?.Trim(),
        TransitionPlan = c.TransitionPlan?.Trim(),
        Team = c.Team?.Trim(),
        Fees = c.Fees with
        {
            ExtraChargeConditions = c.Fees.ExtraChargeConditions.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(),
            StandardInclusions = c.Fees.StandardInclusions.Select(t => t.Trim()).Where(t => t.Length > 0).ToArray(),
        },
        Security = c.Security.Select(a => a with { Answer = a.Answer?.Trim() ?? "" }).ToArray(), // an answer sent as null is an empty one
        Exit = c.Exit with { ManualHandover = c.Exit.ManualHandover?.Trim(), DataReturn = c.Exit.DataReturn?.Trim() },
    };

    private static async Task<Results<Ok<ProposalDto>, ValidationProblem, ProblemHttpResult>> Submit(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, IOptions<BillingOptions> billing, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var (proposal, problem) = await MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetUtcNow();
        if (!listing.TakesProposals(now)) return Closed(DeadlineOf(listing));
        var missing = proposal.Content.MissingFor(rfp);
        if (missing.Count > 0 && proposal.Status != ProposalStatus.Withdrawn)
            return ValidationRules.FieldProblem(missing.ToDictionary(code => code, code => new[]
            {
                English ? $"{MissingLabel(code)} is missing." : $"{MissingLabel(code)}が未記入です。",
            }));
        var firstSubmission = proposal.SubmittedVersion == 0;
        var inForce = firstSubmission ? null : await db.ProposalVersions.AsNoTracking()
            .Where(v => v.ProposalId == proposal.Id && v.Number == proposal.SubmittedVersion).Select(v => v.Content).SingleAsync(cancellationToken);
        ProposalVersion? version;
        version = proposal.Submit(listing.Version, DeadlineOf(listing), now, inForce);
        // The same submission again (a second click): the answer of the first, and no new version.
        if (version is null) return TypedResults.Ok(await ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (firstSubmission)
        {
            // A first submission counts against the plan's monthly quota (decision 0017). One vendor's first submissions
            // take turns, so two at once cannot both take the last one.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"quota:" + proposal.VendorId}, 0))", cancellationToken);
            if (await ProposalQuotaProblem.ForAsync(db, proposal.VendorId, billing.Value, now, cancellationToken) is { } overQuota) return overQuota;
        }
        db.ProposalVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(proposal.VendorId, actor.AuditName, AuditActions.ProposalSubmitted, "proposal", proposal.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId, version = version.Number, rfpVersion = version.RfpVersion }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }

    private static Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Withdraw(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(rfpId, actor, db, http, clock, AuditActions.ProposalWithdrawn, (p, deadline, now) => p.Withdraw(deadline, now), cancellationToken);

    private static Task<Results<Ok<ProposalDto>, ProblemHttpResult>> Reopen(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken) =>
        ChangeAsync(rfpId, actor, db, http, clock, AuditActions.ProposalReopened, (p, deadline, now) => p.Reopen(deadline, now), cancellationToken);

    /// <summary>A change of state (withdraw, reopen), audited.</summary>
    private static async Task<Results<Ok<ProposalDto>, ProblemHttpResult>> ChangeAsync(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, string auditAction, Action<Proposal, DateTimeOffset, DateTimeOffset> change, CancellationToken cancellationToken)
    {
        if (await RfpAsync(db, rfpId, cancellationToken) is not var (listing, rfp)) return NoSuchRfp();
        var (proposal, problem) = await MineToChangeAsync(db, http, rfpId, actor.OrganisationId!.Value, cancellationToken);
        if (proposal is null) return problem!;
        var now = clock.GetUtcNow();
        change(proposal, DeadlineOf(listing), now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(proposal.VendorId, actor.AuditName, auditAction, "proposal", proposal.Id.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ToDtoAsync(db, http, proposal, listing, rfp, now, cancellationToken));
    }

    /// <summary>Shape and limits; completeness is checked when submitting (a working copy may be half written).</summary>
    public sealed class ContentValidator : AbstractValidator<ProposalContent>
    {
        public ContentValidator()
        {
            const int text = 4000;
            // Sections sent as null (rather than left out) would leave nothing to check below.
            RuleFor(x => x).Must(Whole).OverridePropertyName("content")
                .WithMessage(_ => English ? "Send every section (an empty list or object, not null)." : "各項目を null ではなく空の値で送ってください。");
            When(Whole, () =>
            {
                RuleFor(x => x.Summary).MaxChars("proposal.summary", text);
                RuleFor(x => x.Bcp).MaxChars("proposal.bcp", text);
                RuleFor(x => x.TransitionPlan).MaxChars("proposal.transitionPlan", text);
                RuleFor(x => x.Team).MaxChars("proposal.team", text);
                RuleFor(x => (long?)x.Fees.InitialYen).InRange("vendor.initialFee", 0, MaxYen).OverridePropertyName("fees.initialYen");
                RuleFor(x => (long?)x.Fees.MonthlyYen).InRange("vendor.monthlyBase", 0, MaxYen).OverridePropertyName("fees.monthlyYen");
                RuleFor(x => x.Fees.ExtraChargeConditions).TextList("vendor.extraChargeConditions", 30, VendorProfile.ShortTextMaxLength);
                RuleFor(x => x.Fees.StandardInclusions).TextList("vendor.standardInclusions", 30, VendorProfile.ShortTextMaxLength);
                RuleFor(x => x.Fees.UnitPrices).Must(u => u.Length <= 20 && u.All(i => i is not null))
                    .WithMessage(_ => English ? "Per-unit prices: up to 20, none empty." : "従量課金は 20 件までで、空の項目は送れません。");
                RuleForEach(x => x.Fees.UnitPrices).ChildRules(u =>
                {
                    u.RuleFor(x => x.Unit).Cascade(CascadeMode.Stop).Required("vendor.unit").MaxChars("vendor.unit", 50);
                    u.RuleFor(x => x.Bands).Must(b => b is not null && b.All(x => x is not null) && ValidationRules.BandsInOrder(b.Select(x => (long?)x.FromQuantity).ToList()))
                        .WithMessage(_ => ValidationRules.BandsInOrderMessage());
                    u.RuleForEach(x => x.Bands).ChildRules(b =>
                    {
                        b.RuleFor(x => (long?)x.PriceYen).InRange("vendor.bandPrice", 0, MaxYen).OverridePropertyName("priceYen");
                        b.RuleFor(x => (long?)x.FromQuantity).InRange("vendor.bands", 0, 1_000_000_000).OverridePropertyName("fromQuantity");
                    });
                });
                RuleFor(x => x.Kpis).Must(k => k.Length <= 50 && k.All(i => i is not null && !string.IsNullOrWhiteSpace(i.Metric)))
                    .WithMessage(_ => English ? "KPI commitments: up to 50, each naming its metric." : "KPI のコミットは 50 件まで、それぞれ指標名が必要です。");
                RuleForEach(x => x.Kpis).ChildRules(k => k.RuleFor(x => x.Note).MaxChars("proposal.kpiNote", 500));
                RuleFor(x => x.Security).Must(a => a.All(i => i is not null && SecurityQuestionnaire.Questions.Contains(i.Code)) && a.DistinctBy(i => i.Code).Count() == a.Length)
                    .WithMessage(_ => English ? "Security answers: one per question of the questionnaire." : "セキュリティの回答は、質問ごとに 1 つずつにしてください。");
                RuleForEach(x => x.Security).ChildRules(a => a.RuleFor(x => x.Answer).MaxChars("proposal.securityAnswer", text));
                RuleFor(x => x.Exit.ManualHandover).MaxChars("proposal.manualHandover", text);
                RuleFor(x => x.Exit.DataReturn).MaxChars("proposal.dataReturn", text);
                RuleFor(x => x.Exit.SupportMonths).InRange("proposal.supportMonths", 0, 120);
            });
        }

        private static bool Whole(ProposalContent c) =>
            c.Fees is { UnitPrices: not null, ExtraChargeConditions: not null, StandardInclusions: not null } && c.Kpis is not null && c.Security is not null && c.Exit is not null;
    }
}
