using System.Globalization;
using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Awards;
using Marketplace.Core.Data;
using Marketplace.Core.Integrations;
using Marketplace.Core.Proposals;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Awards;

/// <param name="Side">client or vendor: which party the caller's organisation is.</param>
public sealed record ContractSummaryDto(Guid Id, Guid RfpId, string Title, string VendorName, string Side, DateOnly StartsOn, int TermMonths, long TotalYen,
    DateTimeOffset CreatedAt, int Reviews, int MissedLastReview);

/// <param name="Met">Whether the actual meets the commitment; null when not measured.</param>
public sealed record KpiResultDto(string Metric, string Unit, decimal Committed, string Direction, decimal? Actual, bool? Met);

/// <param name="Month">yyyy-MM.</param>
public sealed record KpiReviewDto(string Month, IReadOnlyList<KpiResultDto> Results, string? Comment, string? Issues, string? ImprovementActions,
    string RecordedBy, DateTimeOffset UpdatedAt);

/// <param name="MayReview">The caller records reviews (the client's owner, admin or procurement); the vendor reads them.</param>
public sealed record ContractDto(ContractSummaryDto Summary, ProposalFees Fees, IReadOnlyList<ContractKpi> Kpis, IReadOnlyList<KpiReviewDto> Reviews, bool MayReview);

public sealed record KpiActualRequest(string? Metric, decimal? Actual);

public sealed record RecordKpiReviewRequest(KpiActualRequest[]? Actuals, string? Comment, string? Issues, string? ImprovementActions);

/// <summary>
/// Contracts (created by an approved award) as both parties see them, and the client's monthly KPI reviews: the actual
/// value per KPI against the committed target, with a comment, issues and improvement actions. The vendor reads them;
/// only the client writes (row-level security says the same).
/// </summary>
public static class ContractEndpoints
{
    public static RouteGroupBuilder MapContractEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/contracts").WithTags("Contracts");
        group.MapGet("/", List).RequireMember(ApiScopes.ContractsRead).WithName("ListContracts")
            .WithSummary("The organisation's contracts, as client or as vendor, latest first");
        group.MapGet("/{contractId:guid}", Get).RequireMember(ApiScopes.ContractsRead).WithName("GetContract")
            .WithSummary("A contract with its fees, KPI commitments and monthly reviews (both parties)");
        group.MapPut("/{contractId:guid}/kpi-reviews/{month}", RecordReview).RequireMember(null, EvaluationAccess.LeadRoles)
            .AddEndpointFilter(ClientOwnsContract).Validate<RecordKpiReviewRequest>().WithName("RecordKpiReview")
            .WithSummary("Record or correct the review of a month (yyyy-MM): actual per KPI, comment, issues, improvement actions; the client only");
        return api;
    }

    /// <summary>
    /// The client's contract, or 404 before the body is looked at (a foreign id, or the vendor's side, which reads
    /// reviews but does not write them, never reads as a validation error).
    /// </summary>
    private static async ValueTask<object?> ClientOwnsContract(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var actor = http.RequestServices.GetRequiredService<CurrentActor>();
        var db = http.RequestServices.GetRequiredService<MarketplaceDbContext>();
        var owned = Guid.TryParse(http.Request.RouteValues["contractId"]?.ToString(), out var id)
                    && await db.Contracts.AnyAsync(c => c.Id == id && c.ClientOrganisationId == actor.OrganisationId, http.RequestAborted);
        return owned ? await next(context) : NoSuchContract();
    }

    private static ProblemHttpResult NoSuchContract() => ApiProblems.NotFound(TextCatalogue.Say("contract.notFound"));

    private static ContractSummaryDto Summary(Contract c, Guid organisationId, IReadOnlyList<KpiReview> reviews) => new(c.Id, c.RfpId, c.Title, c.VendorName,
        c.ClientOrganisationId == organisationId ? "client" : "vendor", c.StartsOn, c.TermMonths, c.TotalYen, c.CreatedAt, reviews.Count,
        reviews.OrderByDescending(r => r.Month).FirstOrDefault() is { } last ? Results(c, last).Count(r => r.Met == false) : 0);

    private static List<KpiResultDto> Results(Contract contract, KpiReview review) => contract.Kpis.Select(k =>
    {
        var actual = review.Actuals.FirstOrDefault(a => a.Metric == k.Metric)?.Actual;
        return new KpiResultDto(k.Metric, k.Unit, k.Committed, k.Direction, actual, actual is { } value ? k.Met(value) : null);
    }).ToList();

    private static async Task<Ok<List<ContractSummaryDto>>> List(CurrentActor actor, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        var contracts = await db.Contracts.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(cancellationToken);
        var ids = contracts.Select(c => c.Id).ToList();
        var reviews = (await db.KpiReviews.AsNoTracking().Where(r => ids.Contains(r.ContractId)).ToListAsync(cancellationToken)).ToLookup(r => r.ContractId);
        return TypedResults.Ok(contracts.Select(c => Summary(c, actor.OrganisationId!.Value, reviews[c.Id].ToList())).ToList());
    }

    private static async Task<Results<Ok<ContractDto>, ProblemHttpResult>> Get(Guid contractId, CurrentActor actor, MarketplaceDbContext db,
        CancellationToken cancellationToken)
    {
        // Row-level security and the query filter show a contract only to its two parties: anyone else gets 404.
        if (await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId, cancellationToken) is not { } contract) return NoSuchContract();
        return TypedResults.Ok(await DtoAsync(db, contract, actor, cancellationToken));
    }

    private static async Task<ContractDto> DtoAsync(MarketplaceDbContext db, Contract contract, CurrentActor actor, CancellationToken cancellationToken)
    {
        var reviews = await db.KpiReviews.AsNoTracking().Where(r => r.ContractId == contract.Id).OrderBy(r => r.Month).ToListAsync(cancellationToken);
        var people = reviews.Select(r => r.RecordedBy).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        var client = contract.ClientOrganisationId == actor.OrganisationId;
        return new ContractDto(Summary(contract, actor.OrganisationId!.Value, reviews), contract.Fees, contract.Kpis,
            reviews.Select(r => new KpiReviewDto(r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Results(contract, r), r.Comment, r.Issues,
                r.ImprovementActions, client ? emails.GetValueOrDefault(r.RecordedBy, "") : "", r.UpdatedAt)).ToList(),
            client && actor.Role is { } role && EvaluationAccess.LeadRoles.Contains(role));
    }

    public sealed class ReviewValidator : AbstractValidator<RecordKpiReviewRequest>
    {
        public ReviewValidator()
        {
            RuleFor(x => x.Actuals).Must(a => a is { Length: > 0 and <= 50 } && a.All(x => !string.IsNullOrWhiteSpace(x.Metric)) && a.Select(x => x.Metric).Distinct().Count() == a.Length)
                .WithMessage(_ => TextCatalogue.Say("review.actuals"));
            RuleForEach(x => x.Actuals).ChildRules(actual => actual.RuleFor(a => a.Actual)
                .Must(v => v is null || (v >= -1_000_000_000m && v <= 1_000_000_000m))
                .WithMessage(_ => TextCatalogue.Say("review.actualOutOfRange")));
            RuleFor(x => x.Comment).MaxChars("review.comment", KpiReview.TextMaxLength);
            RuleFor(x => x.Issues).MaxChars("review.issues", KpiReview.TextMaxLength);
            RuleFor(x => x.ImprovementActions).MaxChars("review.improvementActions", KpiReview.TextMaxLength);
        }
    }

    private static async Task<Results<Ok<ContractDto>, ValidationProblem, ProblemHttpResult>> RecordReview(Guid contractId, string month, RecordKpiReviewRequest request,
        CurrentActor actor, MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        var contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId, cancellationToken); // the client's (ClientOwnsContract)
        var now = clock.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        var thisMonth = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            errors["month"] = [TextCatalogue.Say("review.monthFormat")];
        else if (first < new DateOnly(contract.StartsOn.Year, contract.StartsOn.Month, 1) || first > thisMonth)
            errors["month"] = [TextCatalogue.Say("review.monthRange")];
        var unknown = request.Actuals!.Select((a, i) => (a, i)).Where(x => contract.Kpis.All(k => k.Metric != x.a.Metric!.Trim())).ToList();
        foreach (var (_, i) in unknown)
            errors[$"actuals[{i}].metric"] = [TextCatalogue.Say("review.unknownKpi")];
        foreach (var (actual, i) in request.Actuals!.Select((a, i) => (a, i)))
        {
            var kpi = contract.Kpis.FirstOrDefault(k => k.Metric == actual.Metric!.Trim());
            if (kpi is null || actual.Actual is not { } value) continue;
            // A share cannot be below 0 % or above 100 %; a count, a time or an amount is not negative.
            if (ContractKpi.IsPercentage(kpi.Unit) && value is < 0 or > 100)
                errors[$"actuals[{i}].actual"] = [TextCatalogue.Say("review.percentage", new { metric = kpi.Metric })];
            else if (value < 0)
                errors[$"actuals[{i}].actual"] = [TextCatalogue.Say("review.notNegative", new { metric = kpi.Metric })];
        }
        if (errors.Count > 0) return ValidationRules.FieldProblem(errors);

        var review = await db.KpiReviews.FirstOrDefaultAsync(r => r.ContractId == contractId && r.Month == first, cancellationToken);
        if (review is null) db.KpiReviews.Add(review = new KpiReview(contract, first, now));
        review.Record(request.Actuals!.Select(a => new KpiActual(a.Metric!.Trim(), a.Actual)).ToArray(), request.Comment, request.Issues, request.ImprovementActions,
            actor.RequireUserId(), now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Two people recorded the same month at once: the other's stands; this one is told, nothing is merged.
            return ApiProblems.Conflict(TextCatalogue.Say("review.recordedMeanwhile.title"), TextCatalogue.Say("review.recordedMeanwhile"));
        }
        await db.AppendAuditAsync(new AuditRecord(contract.ClientOrganisationId, actor.AuditName, AuditActions.KpiReviewRecorded, "contract", contractId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { month, actuals = review.Actuals }), cancellationToken);
        return TypedResults.Ok(await DtoAsync(db, contract, actor, cancellationToken));
    }
}
