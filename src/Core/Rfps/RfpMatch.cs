using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Notifications;
using Marketplace.Core.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

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
/// <param name="Phases">Milliseconds spent reading candidates, evaluating them and storing the matches (for the log).</param>
public sealed record MatchOutcome(int Evaluated, int Matched, string Phases = "");

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
        var timer = System.Diagnostics.Stopwatch.StartNew();
        var candidates = await CandidatesAsync(db, content, today, cancellationToken);
        var read = timer.ElapsedMilliseconds;

        await db.RfpMatches.Where(m => m.RfpId == rfpId).ExecuteDeleteAsync(cancellationToken); // a new version matches afresh
        var matches = new List<RfpMatch>();
        foreach (var c in candidates)
        {
            var result = RfpMatching.Evaluate(content, c, today);
            if (!result.Eligible) continue;
            matches.Add(new RfpMatch(rfpId, c.OrganisationId, published.OrganisationId, version, result, now));
        }
        var evaluated = timer.ElapsedMilliseconds;
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
        return new MatchOutcome(candidates.Count, matches.Count, $"read {read} ms, evaluate {evaluated - read} ms, store {timer.ElapsedMilliseconds - evaluated} ms");
    }

    /// <summary>
    /// The vendors worth evaluating, read with one SQL statement (tens of thousands of rows: no entity materialisation).
    /// It applies the hard filters that SQL states exactly (a requested service, every language, a region, the BCP,
    /// each required certification's end) so that fewer rows travel; <see cref="RfpMatching"/> still decides every
    /// one and explains it, so the SQL only ever narrows, never admits.
    /// </summary>
    private static async Task<List<VendorFacts>> CandidatesAsync(MarketplaceDbContext db, RfpContent content, DateOnly today, CancellationToken cancellationToken)
    {
        var proposalsClose = content.ProposalDeadline is { } deadline ? DateOnly.FromDateTime(deadline.UtcDateTime) : today;
        var validThrough = content.CertificationsValidThroughContractEnd && content.ContractEnd() is { } end ? end : proposalsClose;
        var codes = CertificationTypes.Codes.ToList();
        // Each required certification's end, by its position in the entry's array (PostgreSQL counts from 1).
        var certificationFilter = string.Concat(content.RequiredCertifications.Where(codes.Contains)
            .Select(code => $" AND e.certification_valid_to[{codes.IndexOf(code) + 1}] >= @valid_through"));

        var connection = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = (Npgsql.NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = $"""
            SELECT e.organisation_id, e.service_ids, e.regions, e.languages, e.has_bcp, e.capacity_fte, e.monthly_base_yen,
                   e.certification_valid_to, e.verified_certification_valid_to, p.industries, p.client_sizes, p.unit_prices::text
            FROM vendor_search_entries e JOIN vendor_profiles p ON p.organisation_id = e.organisation_id
            WHERE e.listed AND e.service_ids && @services
              AND e.languages @> @languages
              AND (cardinality(@regions) = 0 OR 'nationwide' = ANY(e.regions) OR e.regions && @regions)
              AND (NOT @bcp OR e.has_bcp){certificationFilter}
            """;
        command.Parameters.AddWithValue("services", content.ServiceIds);
        command.Parameters.AddWithValue("languages", content.Languages);
        command.Parameters.AddWithValue("regions", content.Regions);
        command.Parameters.AddWithValue("bcp", content.BcpRequired);
        command.Parameters.AddWithValue("valid_through", validThrough);
        var candidates = new List<VendorFacts>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            candidates.Add(new VendorFacts(reader.GetGuid(0), reader.GetFieldValue<Guid[]>(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3),
                reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                Ends(reader.GetFieldValue<DateOnly?[]>(7)), Ends(reader.GetFieldValue<DateOnly?[]>(8)), reader.GetFieldValue<string[]>(9), reader.GetFieldValue<string[]>(10),
                UnitPrices(reader.IsDBNull(11) ? null : reader.GetString(11))));
        return candidates;
    }

    /// <summary>The profile's per-unit prices, as EF stores them (a JSON array with the property names).</summary>
    private static List<UnitPrice> UnitPrices(string? json) =>
        json is null or "[]" ? [] : System.Text.Json.JsonSerializer.Deserialize<List<UnitPrice>>(json) ?? [];

    /// <summary>The entry's end dates (in <see cref="CertificationTypes.Codes"/> order) by certification type.</summary>
    private static Dictionary<string, DateOnly> Ends(DateOnly?[] ends) =>
        CertificationTypes.Codes.Select((code, i) => (code, end: i < ends.Length ? ends[i] : null))
            .Where(x => x.end is not null).ToDictionary(x => x.code, x => x.end!.Value);
}
