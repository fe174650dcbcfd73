using Marketplace.Api.Infrastructure;
using Marketplace.Api.Shared;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Texts;

namespace Marketplace.Api.Features.Evaluations;

/// <summary>The comparison as a CSV or Excel file, for the lead only (it carries every score); audited.</summary>
public static class ExportProposalComparison
{
    public static async Task<IResult> HandleAsync(Guid rfpId, string? format, CurrentActor actor, MarketplaceDbContext db, HttpContext http,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        if (format is not ("csv" or "xlsx")) return ValidationRules.FieldProblem("format", TextCatalogue.Say("evaluation.exportFormat"));
        if (await ComparedEvaluation.BuildAsync(db, actor, rfpId, clock, cancellationToken) is not { } compared) return OpenedProposals.Sealed();
        var (opened, dto, scores) = compared;
        if (!opened.Access.MaySeeAllScores) return EvaluationAccess.ScoresHidden();
        var name = $"proposal-comparison-{clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)):yyyyMMdd}";
        await db.AppendAuditAsync(new AuditRecord(opened.Listing.ClientOrganisationId, actor.AuditName, AuditActions.ComparisonExported, "rfp", rfpId.ToString(),
            http.Connection.RemoteIpAddress?.ToString(), new { format, proposals = dto.Columns.Count }), cancellationToken);
        return format == "csv"
            ? TypedResults.File(ComparisonExport.Csv(dto), "text/csv; charset=utf-8", name + ".csv")
            : TypedResults.File(ComparisonExport.Xlsx(dto, scores.Select(s => (s.Email, s.Score)).ToList()), ComparisonExport.XlsxType, name + ".xlsx");
    }
}
