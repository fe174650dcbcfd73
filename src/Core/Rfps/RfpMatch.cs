using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Notifications;
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
/// for the client organisation and saves (one transaction: a redelivered message redoes the whole match, and the
/// notices go into the outbox in that same transaction).
/// </summary>
public sealed record MatchOutcome(int Evaluated, int Matched);

public static class RfpMatcher
{
    /// <param name="notifyTop">For a public RFP, how many of the best matches are told (each once, whatever the
    /// version: a re-match after an addendum tells only vendors not told before). An invite-only RFP tells nobody: the
    /// client chooses whom to invite from the matches.</param>
    /// <returns>How many vendors were evaluated (offer a requested service) and how many matched.</returns>
    public static async Task<MatchOutcome> MatchAsync(MarketplaceDbContext db, Guid rfpId, int version, DateOnly today, TimeProvider clock, int notifyTop,
        CancellationToken cancellationToken)
    {
        var now = clock.GetDatabaseNow();
        // An addendum published meanwhile makes this version's match moot: the newer version's message matches it.
        var current = await db.Rfps.Where(r => r.Id == rfpId).Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
        if (current != version) return new MatchOutcome(0, 0);
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
                    e.CertificationValidTo, e.VerifiedCertificationValidTo, p.Industries, p.ClientSizes, p.UnitPrices,
                })
            .ToListAsync(cancellationToken);

        await db.RfpMatches.Where(m => m.RfpId == rfpId).ExecuteDeleteAsync(cancellationToken); // a new version matches afresh
        var matches = new List<RfpMatch>();
        foreach (var c in candidates)
        {
            var facts = new VendorFacts(c.OrganisationId, c.ServiceIds, c.Regions, c.Languages, c.HasBcp, c.CapacityFte, c.MonthlyBaseYen,
                Ends(c.CertificationValidTo), Ends(c.VerifiedCertificationValidTo), c.Industries, c.ClientSizes, c.UnitPrices);
            var result = RfpMatching.Evaluate(content, facts, today);
            if (!result.Eligible) continue;
            matches.Add(new RfpMatch(rfpId, c.OrganisationId, published.OrganisationId, version, result, now));
        }
        // One INSERT of arrays, not one row at a time: a popular service matches tens of thousands of vendors.
        var vendorIds = matches.Select(m => m.VendorId).ToArray();
        var scores = matches.Select(m => m.Score).ToArray();
        var reasons = matches.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Reasons, MarketplaceDbContext.RfpJson)).ToArray();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rfp_matches (rfp_id, vendor_id, client_organisation_id, version, score, reasons, matched_at)
            SELECT {rfpId}, t.vendor_id, {published.OrganisationId}, {version}, t.score, t.reasons::jsonb, {now}
            FROM unnest({vendorIds}, {scores}, {reasons}) AS t(vendor_id, score, reasons)
            """, cancellationToken);

        if (content.Visibility == "public")
        {
            var data = new Dictionary<string, string> { ["rfpId"] = rfpId.ToString(), ["title"] = content.Title };
            // Best first; ties by vendor id so that a redelivery picks the same vendors.
            foreach (var match in matches.OrderByDescending(m => m.Score).ThenBy(m => m.VendorId).Take(notifyTop))
                Notices.Send(db, match.VendorId, NotificationTypes.RfpMatched, $"{NotificationTypes.RfpMatched}:{rfpId}",
                    new Dictionary<string, string>(data) { ["score"] = match.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) }, clock);
        }
        return new MatchOutcome(candidates.Count, matches.Count);
    }

    /// <summary>The entry's end dates (in <see cref="CertificationTypes.Codes"/> order) by certification type.</summary>
    private static Dictionary<string, DateOnly> Ends(DateOnly?[] ends) =>
        CertificationTypes.Codes.Select((code, i) => (code, end: i < ends.Length ? ends[i] : null))
            .Where(x => x.end is not null).ToDictionary(x => x.code, x => x.end!.Value);
}
