using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Api.Features.Evaluations;
using Marketplace.Core.Data;
using Marketplace.Core.Evaluations;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Rfps;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Proposals;

/// <param name="Submitted">How many proposals are submitted (withdrawn ones do not count); never whose.</param>
/// <param name="Sealed">The deadline has not passed: nothing of the proposals but their number can be read.</param>
/// <param name="OpensAt">The proposal deadline, when they open.</param>
public sealed record ProposalsSummaryDto(int Submitted, bool Sealed, DateTimeOffset? OpensAt);

/// <param name="Text">The flag in the reader's language.</param>
public sealed record ProposalFlagDto(string Code, string? Subject, string Text);

/// <param name="VendorId">Null when blind mode hides the vendors from the reader (an evaluator).</param>
/// <param name="VendorName">Or "提案 A", "Proposal A"... in blind mode.</param>
/// <param name="Conforms">Answers the RFP version in force (else it was not re-confirmed after an addendum).</param>
public sealed record ClientProposalSummaryDto(Guid Id, Guid? VendorId, string VendorName, int Version, int RfpVersion, bool Conforms, DateTimeOffset SubmittedAt,
    TotalCost Cost, CostSensitivity Sensitivity, IReadOnlyList<ProposalFlagDto> Flags);

public sealed record ClientProposalDto(ClientProposalSummaryDto Summary, ProposalContent Content, IReadOnlyList<ProposalVersionDto> Versions,
    IReadOnlyList<SecurityQuestionDto> Questionnaire);

/// <summary>
/// The client's side of the proposals to its RFP. Before the deadline: their number only, and 404 for everything else
/// (row-level security would return nothing anyway; decision 0014). After it, procurement reads them: each read is in
/// the audit trail. Assigned evaluators read them too, by label only in blind mode (decision 0015).
/// </summary>
public static class ClientProposalEndpoints
{
    public static RouteGroupBuilder MapClientProposalEndpoints(this RouteGroupBuilder api)
    {
        var rfps = api.MapClientRfps();
        var readers = EvaluationAccess.ReaderRoles;
        rfps.MapGet("/{rfpId:guid}/proposals", List).RequireMember(null, readers).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").WithName("ListRfpProposals")
            .WithSummary("The submitted proposals with their total cost and flags, once the deadline has passed; 404 while sealed");
        rfps.MapGet("/{rfpId:guid}/proposals/{proposalId:guid}", Get).RequireMember(null, readers).RequireOwned<RouteHandlerBuilder, Rfp>("rfpId")
            .WithName("GetRfpProposal").WithSummary("A submitted proposal as received (its latest version), once the deadline has passed; 404 while sealed");
        rfps.MapGet("/{rfpId:guid}/proposals/{proposalId:guid}/attachments/{attachmentId:guid}", DownloadAttachment).RequireMember(null, readers)
            .RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").WithName("DownloadRfpProposalAttachment").ProducesFile()
            .WithSummary("A document the proposal's latest version carries, as a download, once the deadline has passed; 404 while sealed");
        rfps.MapGet("/{rfpId:guid}/proposals/summary", Summary).RequireMember(ApiScopes.ProposalsRead)
            .RequireOwned<RouteHandlerBuilder, Rfp>("rfpId").WithName("GetRfpProposalsSummary")
            .WithSummary("How many proposals were submitted and whether they are still sealed (before the deadline, never whose)");
        return api;
    }

    private static async Task<Ok<ProposalsSummaryDto>> Summary(Guid rfpId, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        // The count runs as the database owner and answers only for this organisation's RFPs (submitted_proposal_count).
        var submitted = await db.Database.SqlQuery<int>($"SELECT submitted_proposal_count({rfpId}) AS \"Value\"").SingleAsync(cancellationToken);
        var deadline = listing?.ProposalDeadline;
        return TypedResults.Ok(new ProposalsSummaryDto(submitted, deadline is null || clock.GetUtcNow() < deadline, deadline));
    }

    private static bool English => Localization.CurrentLanguage == "en";

    /// <summary>404 for anything about the proposals before the deadline (the evaluation and the award too).</summary>
    internal static ProblemHttpResult Sealed() => ApiProblems.NotFound(English
        ? "Proposals stay sealed until the proposal deadline; only their number can be seen before it."
        : "提案は締切まで封緘されています。締切までは提出件数のみ確認できます。");

    /// <summary>The listing and version in force of an RFP whose proposals are open (deadline passed), else null.</summary>
    internal static async Task<(RfpListing Listing, RfpContent Content)?> OpenedAsync(MarketplaceDbContext db, Guid rfpId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing?.ProposalDeadline is not { } deadline || now < deadline) return null;
        var content = await db.RfpVersions.AsNoTracking().Where(v => v.RfpId == rfpId && v.Number == listing.Version).Select(v => v.Content).SingleAsync(cancellationToken);
        return (listing, content);
    }

    /// <summary>
    /// The submitted proposals (latest versions) with their costs and flags, cheapest first. With
    /// <paramref name="hideNames"/> each vendor is a letter in the order the proposals were started, which says nothing
    /// of who they are.
    /// </summary>
    internal static async Task<List<(Proposal Proposal, ProposalVersion Version, ClientProposalSummaryDto Summary)>> SubmittedAsync(MarketplaceDbContext db,
        RfpListing listing, RfpContent rfp, bool hideNames, CancellationToken cancellationToken)
    {
        // Row-level security shows the client only submitted proposals, and only now that the deadline has passed.
        var rows = await (
                from p in db.Proposals.AsNoTracking()
                where p.RfpId == listing.RfpId && p.Status == ProposalStatus.Submitted
                join v in db.ProposalVersions.AsNoTracking() on new { p.Id, Number = p.SubmittedVersion } equals new { Id = v.ProposalId, v.Number }
                // The vendor's name is its organisation's, listed in search or not (domain.md: each party sees the others
                // by their organisation's name); the search entry only adds the certification dates, when there is one.
                join o in db.Organisations.AsNoTracking() on p.VendorId equals o.Id
                join e in db.VendorSearchEntries.AsNoTracking() on p.VendorId equals e.OrganisationId into entries
                from e in entries.DefaultIfEmpty()
                select new { p, v, o.Name, Certifications = e == null ? null : e.CertificationValidTo })
            .ToListAsync(cancellationToken);
        var codes = CertificationTypes.Codes;
        var letters = rows.Select(x => x.p.Id).Order().Select((id, i) => (id, i)).ToDictionary(x => x.id, x => ProposalComparison.BlindLetter(x.i));
        return rows.Select(x =>
        {
            var validTo = (x.Certifications ?? []).Select((end, i) => (end, i)).Where(c => c.end is not null && c.i < codes.Count)
                .ToDictionary(c => codes[c.i], c => c.end!.Value);
            var flags = ProposalFlags.For(x.v.Content, x.v.RfpVersion, rfp, listing.Version, validTo);
            var summary = new ClientProposalSummaryDto(x.p.Id, hideNames ? null : x.p.VendorId,
                hideNames ? (English ? $"Proposal {letters[x.p.Id]}" : $"提案 {letters[x.p.Id]}") : x.Name, x.v.Number, x.v.RfpVersion, x.v.RfpVersion == listing.Version,
                x.v.ReceivedAt, TotalCostOfOwnership.Of(x.v.Content.Fees, rfp), TotalCostOfOwnership.Sensitivity(x.v.Content.Fees, rfp), flags.Select(f => new ProposalFlagDto(f.Code, f.Subject, FlagText(f))).ToList());
            return (x.p, x.v, summary);
        }).OrderBy(x => x.summary.Cost.TotalYen).ToList();
    }

    private static string FlagText(ProposalFlag flag) => (flag.Code, English) switch
    {
        ("notConforming", false) => "RFP の変更後に再確認されていません（要件不適合）",
        ("notConforming", true) => "Not re-confirmed after the RFP changed (not conforming)",
        ("certificationExpires", false) => $"必須の認証（{CertificationTypes.All[flag.Subject!].Ja}）が契約終了前に期限切れになります",
        ("certificationExpires", true) => $"The required certification ({CertificationTypes.All[flag.Subject!].En}) ends before the contract does",
        ("belowTarget", false) => $"SLA のコミットが目標に届きません（{flag.Subject}）",
        ("belowTarget", true) => $"The SLA commitment falls short of the target ({flag.Subject})",
        ("extraCharges", false) => "追加費用が発生する条件があります",
        ("extraCharges", true) => "Has conditions that bring extra charges",
        ("unpriced", false) => $"想定ボリュームの単価がありません（{flag.Subject}）",
        ("unpriced", true) => $"Gives no price for an expected volume ({flag.Subject})",
        _ => flag.Code,
    };

    private static async Task<Results<Ok<List<ClientProposalSummaryDto>>, ProblemHttpResult>> List(Guid rfpId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, rfp)) return Sealed();
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        if (!access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        var proposals = await SubmittedAsync(db, listing, rfp, access.HidesNames, cancellationToken);
        // The list shows what the proposals say (their costs and flags): a read of each, on the record.
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalsListed, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { proposals = proposals.Select(p => new { p.Proposal.Id, version = p.Version.Number }) }), cancellationToken);
        return TypedResults.Ok(proposals.Select(p => p.Summary).ToList());
    }

    private static async Task<IResult> DownloadAttachment(Guid rfpId, Guid proposalId, Guid attachmentId, CurrentActor actor, MarketplaceDbContext db,
        Marketplace.Core.Files.IFileStorage storage, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, _)) return Sealed();
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        if (!access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        // Only a file the latest submitted version carries: what the vendor submitted, not its working copy.
        var carried = await (from p in db.Proposals.AsNoTracking()
                             where p.Id == proposalId && p.RfpId == rfpId && p.Status == ProposalStatus.Submitted
                             join v in db.ProposalVersions.AsNoTracking() on new { p.Id, Number = p.SubmittedVersion } equals new { Id = v.ProposalId, v.Number }
                             select v.Content).FirstOrDefaultAsync(cancellationToken);
        var attachment = carried?.Attachments.Any(a => a.Id == attachmentId) == true
            ? await db.ProposalAttachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ProposalId == proposalId, cancellationToken)
            : null;
        if (attachment is null) return ApiProblems.NotFound(English ? "The proposal carries no such attachment." : "この提案にその添付資料はありません。");
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalAttachmentRead, "proposal", proposalId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId, attachmentId, attachment.FileName }), cancellationToken);
        return await EvidenceUploads.ServeAsync(storage, attachment.FileKey, attachment.ContentType, attachment.FileName, cancellationToken)
               ?? ApiProblems.NotFound(English ? "The file is missing from storage." : "ファイルが見つかりません。");
    }

    private static async Task<Results<Ok<ClientProposalDto>, ProblemHttpResult>> Get(Guid rfpId, Guid proposalId, CurrentActor actor, MarketplaceDbContext db,
        HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await OpenedAsync(db, rfpId, clock.GetUtcNow(), cancellationToken) is not var (listing, rfp)) return Sealed();
        var access = await EvaluationAccess.ForAsync(db, actor, rfpId, cancellationToken);
        if (!access.MayReadProposals) return EvaluationAccess.NotAnEvaluator();
        if ((await SubmittedAsync(db, listing, rfp, access.HidesNames, cancellationToken)).SingleOrDefault(p => p.Proposal.Id == proposalId) is not { Proposal: not null } found)
            return ApiProblems.NotFound(English ? "There is no such proposal to this RFP." : "この RFP にそのような提案はありません。");
        var versions = await db.ProposalVersions.AsNoTracking().Where(v => v.ProposalId == proposalId).OrderBy(v => v.Number)
            .Select(v => new ProposalVersionDto(v.Number, v.RfpVersion, v.ReceivedAt)).ToListAsync(cancellationToken);
        await db.AppendAuditAsync(new AuditRecord(listing.ClientOrganisationId, actor.AuditName, AuditActions.ProposalRead, "proposal", proposalId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { rfpId, version = found.Version.Number }), cancellationToken);
        return TypedResults.Ok(new ClientProposalDto(found.Summary, found.Version.Content, versions,
            SecurityQuestionnaire.Questions.Select(q => new SecurityQuestionDto(q.Code, English ? q.En : q.Ja)).ToList()));
    }
}
