using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Awards;

/// <param name="Status">proposed, approved or rejected.</param>
public sealed record AwardDto(Guid Id, Guid ProposalId, Guid VendorId, string VendorName, string Reason, string ProposedBy, DateTimeOffset ProposedAt,
    string Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment, Guid? ContractId);

/// <param name="Current">The award waiting for a decision or approved; null when there is none.</param>
/// <param name="MayPropose">The caller may propose an award now (procurement, RFP in evaluation, nothing pending).</param>
/// <param name="MayDecide">The caller may approve or reject the pending award (owner or admin, and not its proposer).</param>
public sealed record AwardStateDto(string RfpStatus, AwardDto? Current, IReadOnlyList<AwardDto> History, bool MayPropose, bool MayDecide);

public sealed record ProposeAwardRequest(Guid? ProposalId, string? Reason);

public sealed record DecideAwardRequest(string? Comment);

/// <summary>
/// The award (decision 0016): procurement proposes one proposal with a reason once the RFP is in evaluation; a second
/// person with the owner or admin role approves it (稟議; never the proposer) or sends it back. Approval awards the
/// RFP, creates the contract from the winning proposal, and tells every vendor that proposed, through the outbox:
/// the winner (採択のお知らせ), the others (お見送りのご連絡).
/// </summary>
public static class AwardEndpoints
{
    public static RouteGroupBuilder MapAwardEndpoints(this RouteGroupBuilder api)
    {
        var rfps = api.MapClientRfps();
        var leads = EvaluationAccess.LeadRoles;
        var deciders = OrganisationRoles.Managers.ToArray();
        RouteHandlerBuilder Owned(RouteHandlerBuilder route) => route.RequireOwned<RouteHandlerBuilder, Rfp>("rfpId");
        Owned(rfps.MapGet("/{rfpId:guid}/award", Get).RequireMember(null, leads)).WithName("GetAward")
            .WithSummary("The award waiting for a decision or approved, the earlier ones, and what the caller may do; 404 while proposals are sealed");
        Owned(rfps.MapPost("/{rfpId:guid}/award", Propose).RequireMember(null, leads)).Validate<ProposeAwardRequest>().WithName("ProposeAward")
            .WithSummary("Propose awarding a conforming proposal, with the reason; 409 unless the RFP is in evaluation and nothing is pending");
        Owned(rfps.MapPost("/{rfpId:guid}/award/approve", Approve).RequireMember(null, deciders)).Validate<DecideAwardRequest>().WithName("ApproveAward")
            .WithSummary("Approve the pending award (owner or admin, not its proposer: 403): awards the RFP, creates the contract, tells the vendors");
        Owned(rfps.MapPost("/{rfpId:guid}/award/reject", Reject).RequireMember(null, deciders)).Validate<DecideAwardRequest>().WithName("RejectAward")
            .WithSummary("Send the pending award back with a comment; the RFP stays in evaluation");
        Owned(rfps.MapGet("/{rfpId:guid}/ocds", Ocds).RequireMember(ApiScopes.RfpsRead)).WithName("GetRfpOcdsReleasePackage")
            .WithSummary("The RFP as an OCDS 1.1 release package with the bid extension: the tender; the bids after the deadline; the award and contract once approved; 403 to a person a blind evaluation keeps vendor names from. download=true answers it as a file")
            .Produces<System.Text.Json.Nodes.JsonObject>(StatusCodes.Status200OK, "application/json");
        return api;
    }

    private static bool English => Localization.CurrentLanguage == "en";

    /// <summary>
    /// The RFP as OCDS (decision 0016). A draft has nothing to release (404). Before the deadline the release carries the
    /// tender only: the bids are sealed like everything else about the proposals.
    /// </summary>
    private static async Task<IResult> Ocds(Guid rfpId, bool? download, CurrentActor actor, MarketplaceDbContext db, HttpContext http, IConfiguration configuration,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var rfp = await db.Rfps.AsNoTracking().SingleAsync(r => r.Id == rfpId, cancellationToken);
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (rfp.Status == RfpStatus.Draft || listing is null)
            return ApiProblems.NotFound(English ? "A draft RFP has nothing to publish as OCDS yet." : "下書きの RFP は OCDS として出力できません。公開後にお試しください。");
        if (await EvaluationAccess.HidesNamesFromAsync(db, actor, rfpId, cancellationToken)) return EvaluationAccess.NamesHidden();
        var bids = new List<OcdsBid>();
        (RfpAward, Contract)? awarded = null;
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is var (opened, content))
        {
            bids = (await OpenedProposals.SubmittedAsync(db, opened, content, hideNames: false, cancellationToken))
                .Select(p => new OcdsBid(p.Proposal.Id, p.Proposal.VendorId, p.Summary.VendorName, p.Version.ReceivedAt, p.Summary.Conforms, p.Summary.Cost.TotalYen))
                .OrderBy(b => b.ReceivedAt).ToList();
            var award = await db.RfpAwards.AsNoTracking().FirstOrDefaultAsync(a => a.RfpId == rfpId && a.Status == AwardStatus.Approved, cancellationToken);
            var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.RfpId == rfpId, cancellationToken);
            if (award is not null && contract is not null) awarded = (award, contract);
        }
        var input = new OcdsInput(rfpId, rfp.Content, rfp.Status, rfp.Version, rfp.PublishedAt!.Value, rfp.UpdatedAt, rfp.OrganisationId, listing.ClientName, bids, awarded);
        var uri = $"{http.Request.Scheme}://{http.Request.Host}/api/v1/rfps/{rfpId}/ocds";
        var package = OcdsRelease.Package(input, uri, configuration["Ocds:OcidPrefix"] ?? OcdsRelease.DefaultOcidPrefix, now);
        await db.AppendAuditAsync(new AuditRecord(rfp.OrganisationId, actor.AuditName, AuditActions.OcdsExported, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { bids = bids.Count, awarded = awarded is not null }), cancellationToken);
        var json = package.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = download == true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping
        });
        return download == true
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"ocds-{rfpId}.json")
            : TypedResults.Text(json, "application/json", System.Text.Encoding.UTF8);
    }

    private static ProblemHttpResult NotNow(string ja, string en) => ApiProblems.Conflict(English ? "Not possible now" : "この操作はできません", English ? en : ja);

    private static async Task<AwardStateDto> StateAsync(MarketplaceDbContext db, Guid rfpId, CurrentActor actor, CancellationToken cancellationToken)
    {
        var status = await db.Rfps.AsNoTracking().Where(r => r.Id == rfpId).Select(r => r.Status).SingleAsync(cancellationToken);
        var awards = await db.RfpAwards.AsNoTracking().Where(a => a.RfpId == rfpId).OrderByDescending(a => a.ProposedAt).ToListAsync(cancellationToken);
        var people = awards.SelectMany(a => new[] { (Guid?)a.ProposedBy, a.DecidedBy }).OfType<Guid>().Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var contract = await db.Contracts.AsNoTracking().Where(c => c.RfpId == rfpId).Select(c => new { c.Id, c.AwardId }).FirstOrDefaultAsync(cancellationToken);
        AwardDto Dto(RfpAward a) => new(a.Id, a.ProposalId, a.VendorId, a.VendorName, a.Reason, emails.GetValueOrDefault(a.ProposedBy, ""), a.ProposedAt,
            a.Status.ToString().ToLowerInvariant(), a.DecidedBy is { } by ? emails.GetValueOrDefault(by, "") : null, a.DecidedAt, a.DecisionComment,
            contract?.AwardId == a.Id ? contract.Id : null);
        var current = awards.FirstOrDefault(a => a.Status is AwardStatus.Proposed or AwardStatus.Approved);
        var lead = actor.Role is { } role && EvaluationAccess.LeadRoles.Contains(role);
        var manager = actor.Role is { } r && OrganisationRoles.Managers.Contains(r);
        return new AwardStateDto(status.ToString().ToLowerInvariant(), current is null ? null : Dto(current),
            awards.Where(a => a != current).Select(Dto).ToList(),
            lead && status == RfpStatus.Evaluating && current is null,
            manager && current is { Status: AwardStatus.Proposed } && current.ProposedBy != actor.UserId);
    }

    private static async Task<Results<Ok<AwardStateDto>, ProblemHttpResult>> Get(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (await OpenedProposals.OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is null) return OpenedProposals.Sealed();
        return TypedResults.Ok(await StateAsync(db, rfpId, actor, cancellationToken));
    }

    public sealed class ProposeValidator : AbstractValidator<ProposeAwardRequest>
    {
        public ProposeValidator()
        {
            RuleFor(x => x.ProposalId).NotNull().WithMessage(_ => English ? "Choose the proposal to award." : "採択する提案を選んでください。");
            RuleFor(x => x.Reason).Required("award.reason").MaxChars("award.reason", RfpAward.ReasonMaxLength);
        }
    }

    public sealed class DecideValidator : AbstractValidator<DecideAwardRequest>
    {
        public DecideValidator() => RuleFor(x => x.Comment).MaxChars("award.comment", RfpAward.ReasonMaxLength);
    }

    private static async Task<Results<Created<AwardStateDto>, ValidationProblem, ProblemHttpResult>> Propose(Guid rfpId, ProposeAwardRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, rfp)) return OpenedProposals.Sealed();
        var status = await db.Rfps.AsNoTracking().Where(r => r.Id == rfpId).Select(r => r.Status).SingleAsync(cancellationToken);
        if (status != RfpStatus.Evaluating)
            return NotNow("評価中の RFP だけを決定できます。先に評価者を割り当てて評価を始めてください。",
                "Only an RFP in evaluation can be awarded. Assign the evaluators to start the evaluation first.");
        if (await db.RfpAwards.AnyAsync(a => a.RfpId == rfpId && (a.Status == AwardStatus.Proposed || a.Status == AwardStatus.Approved), cancellationToken))
            return NotNow("承認待ちの決定があります。承認または差し戻しの後に起案してください。",
                "An award is waiting for a decision. Propose again after it is approved or sent back.");
        var proposals = await OpenedProposals.SubmittedAsync(db, listing, rfp, hideNames: false, cancellationToken);
        if (proposals.FirstOrDefault(p => p.Proposal.Id == request.ProposalId) is not { Proposal: not null } chosen || !chosen.Summary.Conforms)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["proposalId"] = [English ? "Only a submitted, conforming proposal to this RFP can be awarded." : "この RFP に提出され、要件を満たす提案だけを採択できます。"],
            });
        var award = new RfpAward(rfpId, listing.ClientOrganisationId, chosen.Proposal.Id, chosen.Proposal.VendorId, chosen.Summary.VendorName, request.Reason!,
            actor.RequireUserId(), now);
        db.RfpAwards.Add(award);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.AwardProposed, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { award = award.Id, proposal = award.ProposalId, vendor = award.VendorName, reason = award.Reason }), cancellationToken);
        return TypedResults.Created($"/api/v1/rfps/{rfpId}/award", await StateAsync(db, rfpId, actor, cancellationToken));
    }

    private static async Task<Results<Ok<AwardStateDto>, ProblemHttpResult>> Approve(Guid rfpId, DecideAwardRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, rfpContent)) return OpenedProposals.Sealed();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var award = await db.RfpAwards.FirstOrDefaultAsync(a => a.RfpId == rfpId && a.Status == AwardStatus.Proposed, cancellationToken);
        if (award is null) return NotNow("承認待ちの決定はありません。", "No award is waiting for a decision.");
        var contract = await Awarding.ApproveAsync(db, award, actor.RequireUserId(), request.Comment, rfpContent, now, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.AwardApproved, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { award = award.Id, contract = contract.Id, vendor = award.VendorName, comment = award.DecisionComment }),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await StateAsync(db, rfpId, actor, cancellationToken));
    }

    private static async Task<Results<Ok<AwardStateDto>, ProblemHttpResult>> Reject(Guid rfpId, DecideAwardRequest request, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (await OpenedProposals.OpenedAsync(db, rfpId, now, cancellationToken) is not var (listing, _)) return OpenedProposals.Sealed();
        var award = await db.RfpAwards.FirstOrDefaultAsync(a => a.RfpId == rfpId && a.Status == AwardStatus.Proposed, cancellationToken);
        if (award is null) return NotNow("承認待ちの決定はありません。", "No award is waiting for a decision.");
        award.Reject(actor.RequireUserId(), request.Comment, now);
        await db.SaveChangesAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.AwardRejected, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { award = award.Id, comment = award.DecisionComment }), cancellationToken);
        return TypedResults.Ok(await StateAsync(db, rfpId, actor, cancellationToken));
    }
}
