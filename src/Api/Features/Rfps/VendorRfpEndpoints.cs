using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Rfps;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <param name="Score">The fit score when the RFP matched this vendor (null when it was only invited or joined).</param>
/// <param name="Reasons">Why it matched, in the reader's language.</param>
public sealed record VendorRfpSummaryDto(Guid RfpId, string Title, string ClientName, string Status, int Version, DateTimeOffset? QuestionDeadline,
    DateTimeOffset? ProposalDeadline, bool Invited, bool Participating, int? Score, IReadOnlyList<MatchReasonDto> Reasons);

/// <param name="Mine">This vendor asked it (then the question shows before it is answered).</param>
public sealed record VendorQuestionDto(Guid Id, string? Question, string? Answer, DateTimeOffset AskedAt, DateTimeOffset? AnsweredAt, bool Mine);

/// <param name="Content">The version in force.</param>
/// <param name="CanAsk">Questions are accepted now (published, before the question deadline).</param>
/// <param name="Weights">The evaluation axes with their labels in the reader's language and their weights.</param>
public sealed record VendorRfpDto(VendorRfpSummaryDto Summary, RfpContent Content, IReadOnlyList<AxisWeightDto> Weights, IReadOnlyList<RfpVersionDto> Versions,
    IReadOnlyList<VendorQuestionDto> Questions, IReadOnlyList<RfpAttachmentDto> Attachments, bool CanAsk, string? CancellationReason);

public sealed record AxisWeightDto(string Code, string Label, int Weight);

public sealed record AskQuestionRequest(string? Question);

/// <summary>
/// The vendor's side of RFPs: the feed of RFPs it matched, was invited to or takes part in, each with why it matched;
/// an RFP's current version, its change history and the shared answers; taking part (参加表明) and asking questions
/// until the question deadline. What a vendor may see is row-level security's: an RFP it may not see is 404.
/// </summary>
public static class VendorRfpEndpoints
{
    public const int FeedMax = 100;

    public static RouteGroupBuilder MapVendorRfpEndpoints(this RouteGroupBuilder api)
    {
        var takers = new[] { OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Sales };
        var group = api.MapGroup("/vendor/rfps").WithTags("Vendor RFPs")
            .RequireOrganisationKind(OrganisationKind.Vendor, "vendorRfps.vendorsOnly");
        group.MapGet("/", Feed).RequireMember(ApiScopes.RfpsRead).WithName("GetVendorRfpFeed")
            .WithSummary("RFPs this vendor matched, was invited to or takes part in, with why it matched; open ones first");
        group.MapGet("/{rfpId:guid}", Get).RequireMember(ApiScopes.RfpsRead).WithName("GetVendorRfp")
            .WithSummary("The RFP's version in force, its changes and the shared answers; 404 when this vendor may not see it");
        group.MapGet("/{rfpId:guid}/attachments/{attachmentId:guid}", (Guid rfpId, Guid attachmentId, MarketplaceDbContext db, Marketplace.Core.Files.IFileStorage storage,
                CancellationToken cancellationToken) => RfpAttachmentEndpoints.ServeAsync(ClientRows(db.RfpAttachments), rfpId, attachmentId, storage, cancellationToken))
            .RequireMember(ApiScopes.RfpsRead).WithName("DownloadVendorRfpAttachment").ProducesFile().WithSummary("An attached document of an RFP this vendor sees");
        group.MapPost("/{rfpId:guid}/participation", Join).RequireMember(null, takers).WithName("JoinRfp")
            .WithSummary("Take part (参加表明): hear of answers, addenda and the deadline; 409 unless published");
        group.MapPost("/{rfpId:guid}/questions", Ask).RequireMember(null, takers).RequireVisibleRfp().Validate<AskQuestionRequest>().Idempotent().WithName("AskRfpQuestion")
            .WithSummary("Ask a question (joins the RFP); 409 after the question deadline");
        return api;
    }

    private static bool English => Localization.CurrentLanguage == "en";

    /// <summary>
    /// The client's rows of an RFP (versions, attachments) past the organisation query filter: row-level security lets
    /// the vendor read them only through a listing it sees.
    /// </summary>
    private static IQueryable<T> ClientRows<T>(DbSet<T> rows) where T : class => rows.IgnoreQueryFilters([MarketplaceDbContext.TenantFilter]);

    /// <summary>An RFP this vendor may not see is 404 before the body is looked at (a validation error would tell it exists).</summary>
    private static RouteHandlerBuilder RequireVisibleRfp(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<MarketplaceDbContext>();
        var visible = Guid.TryParse(http.Request.RouteValues["rfpId"]?.ToString(), out var rfpId)
            && await db.RfpListings.AnyAsync(l => l.RfpId == rfpId, http.RequestAborted);
        return visible ? await next(context) : NoSuchRfp();
    });

    public sealed class AskValidator : AbstractValidator<AskQuestionRequest>
    {
        public AskValidator() => RuleFor(x => x.Question).Must(q => !string.IsNullOrWhiteSpace(q) && q.Trim().Length <= RfpQuestion.TextMaxLength)
            .WithMessage(_ => English
                ? $"Write the question (at most {RfpQuestion.TextMaxLength:N0} characters)."
                : $"質問を {RfpQuestion.TextMaxLength:N0} 文字以内で入力してください。");
    }

    private static ProblemHttpResult NoSuchRfp() =>
        ApiProblems.NotFound(English ? "There is no such RFP, or it is not open to your company." : "この RFP は存在しないか、貴社には公開されていません。");

    private static async Task<List<VendorRfpSummaryDto>> SummariesAsync(MarketplaceDbContext db, Guid vendorId, Guid? onlyRfp, CancellationToken cancellationToken)
    {
        // Row-level security has already cut listings to those this vendor may see.
        var listings = db.RfpListings.AsNoTracking().Where(l => onlyRfp == null || l.RfpId == onlyRfp);
        var rows = await (
                from l in listings
                let match = db.RfpMatches.FirstOrDefault(m => m.RfpId == l.RfpId && m.VendorId == vendorId)
                let invited = db.RfpInvitations.Any(i => i.RfpId == l.RfpId && i.VendorId == vendorId)
                let participating = db.RfpParticipants.Any(p => p.RfpId == l.RfpId && p.VendorId == vendorId)
                where onlyRfp != null || match != null || invited || participating
                orderby l.Status == RfpStatus.Published descending, l.ProposalDeadline
                select new { l, match, invited, participating })
            .Take(FeedMax).ToListAsync(cancellationToken);
        return rows.Select(x => new VendorRfpSummaryDto(x.l.RfpId, x.l.Title, x.l.ClientName, x.l.Status.ToString().ToLowerInvariant(), x.l.Version,
            x.l.QuestionDeadline, x.l.ProposalDeadline, x.invited, x.participating, x.match?.Score,
            x.match?.Reasons.Select(r => new MatchReasonDto(r.Code, r.Points, English ? r.En : r.Ja)).ToList() ?? [])).ToList();
    }

    private static async Task<Ok<List<VendorRfpSummaryDto>>> Feed(CurrentActor actor, MarketplaceDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await SummariesAsync(db, actor.OrganisationId!.Value, null, cancellationToken));

    private static async Task<Results<Ok<VendorRfpDto>, ProblemHttpResult>> Get(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var vendorId = actor.OrganisationId!.Value;
        var summary = (await SummariesAsync(db, vendorId, rfpId, cancellationToken)).SingleOrDefault();
        if (summary is null) return NoSuchRfp();
        var listing = await db.RfpListings.AsNoTracking().SingleAsync(l => l.RfpId == rfpId, cancellationToken);
        // Versions belong to the client; the vendor reads them through the listing it sees (row-level security).
        var versions = await ClientRows(db.RfpVersions).AsNoTracking().Where(v => v.RfpId == rfpId)
            .OrderBy(v => v.Number).ToListAsync(cancellationToken);
        var questions = await db.RfpQuestions.AsNoTracking().Where(q => q.RfpId == rfpId).OrderBy(q => q.AnsweredAt ?? q.AskedAt).ToListAsync(cancellationToken);
        // Row-level security shows a vendor only the askers that are itself.
        var mine = (await db.RfpQuestionAskers.AsNoTracking().Where(a => a.RfpId == rfpId && a.VendorId == vendorId).Select(a => a.QuestionId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var now = clock.GetUtcNow();
        var content = versions.Last().Content;
        return TypedResults.Ok(new VendorRfpDto(summary, content,
            content.EvaluationAxes.Where(a => EvaluationAxes.All.Any(x => x.Code == a.Code)).Select(a => new AxisWeightDto(a.Code, EvaluationAxes.Label(a.Code).ToString(), a.Weight)).ToList(),
            versions.Select(v => new RfpVersionDto(v.Number, v.ChangeSummary, v.PublishedAt)).ToList(),
            // Never who asked: only whether it was this vendor.
            questions.Select(q => new VendorQuestionDto(q.Id, q.Question, q.Answer, q.AskedAt, q.AnsweredAt, mine.Contains(q.Id))).ToList(),
            (await RfpAttachmentEndpoints.ListAsync(ClientRows(db.RfpAttachments), rfpId, cancellationToken)).Select(RfpAttachmentDto.From).ToList(),
            listing.TakesQuestions(now), listing.CancellationReason));
    }


    private static async Task<Results<NoContent, ProblemHttpResult>> Join(Guid rfpId, CurrentActor actor, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing is null) return NoSuchRfp();
        if (!listing.TakesParticipants)
            return ApiProblems.Conflict(English ? "Not open" : "受付は終了しています",
                English ? "This RFP no longer takes participants." : "この RFP は参加の受付を終了しています。");
        await RfpParticipants.JoinAsync(db, listing, actor.OrganisationId!.Value, clock, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<VendorQuestionDto>, ValidationProblem, ProblemHttpResult>> Ask(Guid rfpId, AskQuestionRequest request,
        CurrentActor actor, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var listing = await db.RfpListings.AsNoTracking().FirstOrDefaultAsync(l => l.RfpId == rfpId, cancellationToken);
        if (listing is null) return NoSuchRfp();
        var now = clock.GetDatabaseNow();
        if (!listing.TakesQuestions(now))
            return ApiProblems.Conflict(English ? "Questions are closed" : "質問の受付は終了しています",
                English ? $"Questions were accepted until {listing.QuestionDeadline:yyyy-MM-dd HH:mm} UTC while the RFP was published."
                    : $"質問は公開中の {listing.QuestionDeadline?.ToOffset(TimeSpan.FromHours(9)):yyyy年M月d日 HH:mm}（日本時間）まで受け付けていました。");
        var vendorId = actor.OrganisationId!.Value;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await RfpParticipants.JoinAsync(db, listing, vendorId, clock, cancellationToken); // asking is taking part: the answer will reach this vendor
        var (question, asker) = RfpQuestion.Ask(rfpId, listing.ClientOrganisationId, vendorId, request.Question!, now);
        db.RfpQuestions.Add(question);
        db.RfpQuestionAskers.Add(asker);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/vendor/rfps/{rfpId}", new VendorQuestionDto(question.Id, question.Question, null, question.AskedAt, null, true));
    }
}
