using Marketplace.Core.Data;
using Marketplace.Core.Vendors;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Rfps;

/// <summary>
/// A vendor an RFP matched, with its fit score and the reasons (both languages, so either party reads them in its
/// own). Seen by the two parties only: the client organisation and the vendor (row-level security).
/// </summary>
public sealed class RfpMatch
{
    private RfpMatch() { }

    public RfpMatch(Guid rfpId, Guid vendorId, Guid clientOrganisationId, int version, MatchResult result, DateTimeOffset matchedAt)
    {
        RfpId = rfpId;
        VendorId = vendorId;
        ClientOrganisationId = clientOrganisationId;
        Version = version;
        Score = result.Score;
        Reasons = result.Reasons.ToArray();
        MatchedAt = matchedAt;
    }

    public Guid RfpId { get; private set; }
    public Guid VendorId { get; private set; }
    public Guid ClientOrganisationId { get; private set; }
    /// <summary>The RFP version matched.</summary>
    public int Version { get; private set; }
    public int Score { get; private set; }
    public MatchReason[] Reasons { get; private set; } = [];
    public DateTimeOffset MatchedAt { get; private set; }
}

/// <summary>
/// Matches a published RFP version against every listed vendor: PostgreSQL narrows to vendors offering a requested
/// service (GIN index on the search entries), <see cref="RfpMatching"/> decides and explains. The caller's context acts
/// for the client organisation and saves (one transaction: a redelivered message redoes the whole match).
/// </summary>
public static class RfpMatcher
{
    public static async Task<int> MatchAsync(MarketplaceDbContext db, Guid rfpId, int version, DateOnly today, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var published = await db.RfpVersions.AsNoTracking().SingleAsync(v => v.RfpId == rfpId && v.Number == version, cancellationToken);
        var content = published.Content;
        var requested = content.ServiceIds;
        var candidates = await (
                from e in db.VendorSearchEntries.AsNoTracking()
                join p in db.VendorProfiles.AsNoTracking() on e.OrganisationId equals p.OrganisationId
                where e.Listed && e.ServiceIds.Any(s => requested.Contains(s))
                select new
                {
                    e.OrganisationId, e.ServiceIds, e.Regions, e.Languages, e.HasBcp, e.CapacityFte, e.MonthlyBaseYen,
                    e.CertificationValidTo, e.VerifiedCertificationValidTo, p.Industries, p.ClientSizes,
                })
            .ToListAsync(cancellationToken);

        await db.RfpMatches.Where(m => m.RfpId == rfpId).ExecuteDeleteAsync(cancellationToken); // a new version matches afresh
        var matched = 0;
        foreach (var c in candidates)
        {
            var facts = new VendorFacts(c.OrganisationId, c.ServiceIds, c.Regions, c.Languages, c.HasBcp, c.CapacityFte, c.MonthlyBaseYen,
                Ends(c.CertificationValidTo), Ends(c.VerifiedCertificationValidTo), c.Industries, c.ClientSizes);
            var result = RfpMatching.Evaluate(content, facts, today);
            if (!result.Eligible) continue;
            db.RfpMatches.Add(new RfpMatch(rfpId, c.OrganisationId, published.OrganisationId, version, result, now));
            matched++;
        }
        return matched;
    }

    /// <summary>The entry's end dates (in <see cref="CertificationTypes.Codes"/> order) by certification type.</summary>
    private static Dictionary<string, DateOnly> Ends(DateOnly?[] ends) =>
        CertificationTypes.Codes.Select((code, i) => (code, end: i < ends.Length ? ends[i] : null))
            .Where(x => x.end is not null).ToDictionary(x => x.code, x => x.end!.Value);
}
