using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Rfps;
using Marketplace.Core.Texts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Rfps;

/// <summary>What the operations that take an RFP's content (saving a draft, an addendum) do with it first.</summary>
internal static class RfpDrafts
{
    public static ProblemHttpResult NoSuchRfp() => ApiProblems.NotFound(TextCatalogue.Say("rfp.notFound"));

    /// <summary>Trimmed, de-duplicated, and every list present (JSON may send null for one).</summary>
    public static RfpContent Normalised(RfpContent c) => c with
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

    /// <summary>Services must be in the catalogue and not retired; null when they are.</summary>
    public static async Task<ValidationProblem?> UnknownServicesAsync(RfpContent content, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (content.ServiceIds.Length == 0) return null;
        var offered = await db.CatalogueServices.AsNoTracking().Where(s => content.ServiceIds.Contains(s.Id) && s.RetiredAt == null).CountAsync(cancellationToken);
        return offered == content.ServiceIds.Length ? null : ValidationRules.FieldProblem("serviceIds", TextCatalogue.Say("rfp.services.unknown"));
    }
}
