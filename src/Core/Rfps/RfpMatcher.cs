using Marketplace.Contracts;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Vendors;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Marketplace.Core.Rfps;

/// <summary>
/// Matches a published RFP version against every listed vendor: PostgreSQL narrows to vendors offering a requested
/// service (GIN index on the search entries), <see cref="RfpMatching"/> decides and explains. A match is stored in two
/// transactions so that the best matches are told without waiting for the tens of thousands below them
/// (decision 0013): <see cref="MatchAsync"/> stores the best and their notices and, when more matched, enqueues
/// <see cref="RfpMatchesRemaining"/>; <see cref="StoreRemainingAsync"/> evaluates again and stores the rest. Each runs
/// in its caller's transaction, acting for the client organisation, so a redelivery redoes that part whole.
/// </summary>
public static class RfpMatcher
{
    /// <summary>
    /// The first part: clears the matches of earlier versions, stores the best <paramref name="notifyTop"/> matches
    /// and, for a public RFP, tells those vendors (each once, whatever the version: a re-match after an addendum tells
    /// only vendors not told before). An invite-only RFP tells nobody: the client chooses whom to invite.
    /// </summary>
    public static async Task<MatchOutcome> MatchAsync(MarketplaceDbContext db, Guid rfpId, int version, DateOnly today, TimeProvider clock, int notifyTop,
        CancellationToken cancellationToken)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        if (await EvaluateAsync(db, rfpId, version, today, cancellationToken) is not { } evaluation) return new MatchOutcome(0, 0, 0);
        var (published, evaluated, matches, read) = evaluation;
        var evaluatedAt = timer.ElapsedMilliseconds;

        await db.RfpMatches.Where(m => m.RfpId == rfpId).ExecuteDeleteAsync(cancellationToken); // a new version matches afresh
        var best = matches.Take(Math.Max(1, notifyTop)).ToList(); // at least the best one, even when nobody is told
        await InsertAsync(db, published, best, clock.GetDatabaseNow(), cancellationToken);
        if (published.Content.Visibility == "public")
        {
            var data = new Dictionary<string, string> { ["rfpId"] = rfpId.ToString(), ["title"] = published.Content.Title };
            foreach (var (vendorId, result) in best.Take(notifyTop))
                Notices.Send(db, vendorId, NotificationTypes.RfpMatched, $"{NotificationTypes.RfpMatched}:{rfpId}",
                    new Dictionary<string, string>(data) { ["score"] = result.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) }, clock);
        }
        if (matches.Count > best.Count)
            db.EnqueueMessage(new RfpMatchesRemaining(rfpId, published.OrganisationId, version), published.OrganisationId, clock);
        return new MatchOutcome(evaluated, matches.Count, best.Count, Phases(read, evaluatedAt, timer.ElapsedMilliseconds));
    }

    /// <summary>
    /// The second part: evaluates again (the vendors are read afresh) and stores every match the first part did not.
    /// Nothing when a newer version was published meanwhile: its own match replaces this one.
    /// </summary>
    public static async Task<MatchOutcome> StoreRemainingAsync(MarketplaceDbContext db, Guid rfpId, int version, DateOnly today, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        if (await EvaluateAsync(db, rfpId, version, today, cancellationToken) is not { } evaluation) return new MatchOutcome(0, 0, 0);
        var (published, evaluated, matches, read) = evaluation;
        var evaluatedAt = timer.ElapsedMilliseconds;
        var stored = await InsertAsync(db, published, matches, clock.GetDatabaseNow(), cancellationToken);
        return new MatchOutcome(evaluated, matches.Count, stored, Phases(read, evaluatedAt, timer.ElapsedMilliseconds));
    }

    private sealed record Evaluation(RfpVersion Published, int Evaluated, List<(Guid VendorId, MatchResult Result)> Matches, long ReadMilliseconds);

    /// <summary>
    /// The eligible vendors, best first (ties by vendor id, so that a redelivery picks the same ones); null when
    /// <paramref name="version"/> is no longer the RFP's version. Takes a transaction-scoped lock on the RFP first:
    /// the parts of one RFP's matches, and of its versions' matches, never interleave.
    /// </summary>
    private static async Task<Evaluation?> EvaluateAsync(MarketplaceDbContext db, Guid rfpId, int version, DateOnly today, CancellationToken cancellationToken)
    {
        var timer = System.Diagnostics.Stopwatch.StartNew();
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"rfp-match:" + rfpId}, 0))", cancellationToken);
        // An addendum published meanwhile makes this version's match moot: the newer version's message matches it.
        var current = await db.Rfps.Where(r => r.Id == rfpId).Select(r => (int?)r.Version).SingleOrDefaultAsync(cancellationToken);
        if (current != version) return null;
        var published = await db.RfpVersions.AsNoTracking().SingleAsync(v => v.RfpId == rfpId && v.Number == version, cancellationToken);
        var candidates = await CandidatesAsync(db, published.Content, today, cancellationToken);
        var read = timer.ElapsedMilliseconds;
        // Parsing each row's facts and evaluating it are independent of the others: on every core (tens of thousands of rows).
        var matches = candidates.AsParallel()
            .Select(row => row.Facts())
            .Select(c => (VendorId: c.OrganisationId, Result: RfpMatching.Evaluate(published.Content, c, today)))
            .Where(m => m.Result.Eligible)
            .AsSequential()
            .OrderByDescending(m => m.Result.Score).ThenBy(m => m.VendorId)
            .ToList();
        return new Evaluation(published, candidates.Count, matches, read);
    }

    /// <summary>
    /// One INSERT of arrays, not one row at a time: a popular service matches tens of thousands of vendors. A vendor
    /// already stored for the RFP keeps its row.
    /// </summary>
    /// <returns>How many rows were added.</returns>
    private static Task<int> InsertAsync(MarketplaceDbContext db, RfpVersion published, IReadOnlyCollection<(Guid VendorId, MatchResult Result)> matches,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var vendorIds = matches.Select(m => m.VendorId).ToArray();
        var scores = matches.Select(m => m.Result.Score).ToArray();
        var reasons = matches.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Result.Reasons, MarketplaceDbContext.RfpJson)).ToArray();
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO rfp_matches (rfp_id, vendor_id, client_organisation_id, version, score, reasons, matched_at)
            SELECT {published.RfpId}, t.vendor_id, {published.OrganisationId}, {published.Number}, t.score, t.reasons::jsonb, {now}
            FROM unnest({vendorIds}, {scores}, {reasons}) AS t(vendor_id, score, reasons)
            ON CONFLICT (rfp_id, vendor_id) DO NOTHING
            """, cancellationToken);
    }

    private static string Phases(long read, long evaluated, long total) => $"read {read} ms, evaluate {evaluated - read} ms, store {total - evaluated} ms";

    /// <summary>
    /// The vendors worth evaluating, read with one SQL statement (tens of thousands of rows: no entity materialisation).
    /// It applies the hard filters that SQL states exactly (a requested service, every language, a region, the BCP,
    /// each required certification's end) so that fewer rows travel; <see cref="RfpMatching"/> still decides every
    /// one and explains it, so the SQL only ever narrows, never admits.
    /// </summary>
    private static async Task<List<CandidateRow>> CandidatesAsync(MarketplaceDbContext db, RfpContent content, DateOnly today, CancellationToken cancellationToken)
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
                   e.certification_valid_to, e.verified_certification_valid_to, e.industries, e.client_sizes, e.unit_prices::text
            FROM vendor_search_entries e
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
        var candidates = new List<CandidateRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            candidates.Add(new CandidateRow(reader.GetGuid(0), reader.GetFieldValue<Guid[]>(1), reader.GetFieldValue<string[]>(2), reader.GetFieldValue<string[]>(3),
                reader.GetBoolean(4), reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.IsDBNull(6) ? null : reader.GetInt64(6),
                reader.GetFieldValue<DateOnly?[]>(7), reader.GetFieldValue<DateOnly?[]>(8), reader.GetFieldValue<string[]>(9), reader.GetFieldValue<string[]>(10),
                reader.IsDBNull(11) ? null : reader.GetString(11)));
        return candidates;
    }

    /// <summary>A search entry's row as read; <see cref="Facts"/> parses it (off the reader, in parallel).</summary>
    private sealed record CandidateRow(Guid OrganisationId, Guid[] ServiceIds, string[] Regions, string[] Languages, bool HasBcp, int? CapacityFte,
        long? MonthlyBaseYen, DateOnly?[] CertificationValidTo, DateOnly?[] VerifiedCertificationValidTo, string[] Industries, string[] ClientSizes, string? UnitPrices)
    {
        public VendorFacts Facts() => new(OrganisationId, ServiceIds, Regions, Languages, HasBcp, CapacityFte, MonthlyBaseYen, Ends(CertificationValidTo),
            Ends(VerifiedCertificationValidTo), Industries, ClientSizes, RfpMatcher.UnitPrices(UnitPrices));
    }

    /// <summary>The profile's per-unit prices as the entry keeps them (a JSON array with the property names).</summary>
    private static List<UnitPrice> UnitPrices(string? json) =>
        json is null or "[]" ? [] : System.Text.Json.JsonSerializer.Deserialize<List<UnitPrice>>(json) ?? [];

    /// <summary>The entry's end dates (in <see cref="CertificationTypes.Codes"/> order) by certification type.</summary>
    private static Dictionary<string, DateOnly> Ends(DateOnly?[] ends)
    {
        var byType = new Dictionary<string, DateOnly>(ends.Length, StringComparer.Ordinal);
        for (var i = 0; i < ends.Length && i < CertificationCodes.Length; i++)
            if (ends[i] is { } end) byType[CertificationCodes[i]] = end;
        return byType;
    }

    private static readonly string[] CertificationCodes = CertificationTypes.Codes.ToArray();
}
