using System.Numerics;
using System.Text;
using Marketplace.Core.Catalogue;
using Npgsql;
using NpgsqlTypes;

namespace Marketplace.Core.Vendors;

/// <summary>
/// The marketplace search as the Api runs it (decision record 0012): wholly in memory, over a copy of
/// vendor_search_entries (the narrow facet columns) and of the search documents' lexemes (<see cref="TermPostings"/>).
/// One bitmap per facet value, so a count is a popcount over 100,000 bits; the text is a lookup in the postings, so a
/// word in every document costs what a rare one does (PostgreSQL's GIN index must still visit every matching row).
/// The copy follows the tables through <see cref="VendorSearchState"/>: each search first reads the version (one row)
/// and, when it moved, the rows written since; so a search always sees every save committed before it began.
/// <see cref="VendorSearch"/> is the same search in SQL, and a test holds the two to the same answers.
/// One instance per process (a singleton); searches run concurrently on immutable snapshots.
/// </summary>
/// <param name="compactAfterDeadSlots">Reload everything, in the background, once more slots than this are dead (by default a quarter of them, at least 1,000).</param>
public sealed class VendorSearchEngine(NpgsqlDataSource dataSource, int? compactAfterDeadSlots = null)
{
    private readonly SemaphoreSlim refreshing = new(1, 1);
    private Copy copy = new();
    private volatile Snapshot current = Snapshot.Empty;
    private Task compacting = Task.CompletedTask;

    /// <summary>A listed vendor's facts, as loaded. Certification ends are day numbers (<see cref="DateOnly.DayNumber"/>), -1 for none.</summary>
    private sealed record Row(Guid Id, string Name, string NormalisedName, string[] TypeCodes, Guid[] ServiceIds, string[] Regions, string[] Languages,
        bool HasBcp, int? CapacityFte, long? MonthlyBaseYen, int[] CertificationEnds, int[] VerifiedCertificationEnds, int ProfileSections);

    /// <summary>
    /// The copy the snapshots are made from, changed only under <see cref="refreshing"/> (or before anyone sees it).
    /// Slots are append-only: a vendor written again takes a new slot and its old one dies (null), so the text postings
    /// are only ever appended to; compaction reloads everything into fresh slots.
    /// </summary>
    private sealed class Copy
    {
        public readonly List<Row?> Slots = [];
        public readonly Dictionary<Guid, int> SlotOf = [];
        public TermPostings Postings = TermPostings.Empty;
        public int DeadSlots;
        /// <summary>The highest row version applied.</summary>
        public long Version;
    }

    public async Task<(List<VendorSearchHit> Hits, VendorFacets Facets)> SearchAsync(VendorSearchCriteria criteria, VendorSearchPosition? after, int limit,
        VendorSearch.FacetValues values, IReadOnlyList<CatalogueService> catalogue, CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var terms = SearchText.Terms(criteria.Text);
        return snapshot.Search(criteria, terms, snapshot.Matching(terms), after, limit, values, catalogue);
    }

    /// <summary>Loads the copy now (at start), so that the first search does not wait for it.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken) => await CurrentAsync(cancellationToken);

    /// <summary>The compaction under way, if any (tests wait for it).</summary>
    public Task Compaction => compacting;

    /// <summary>What the copy holds (the benchmark prints it).</summary>
    public async Task<(int Vendors, int Lexemes, long PostingBytes)> SizeAsync(CancellationToken cancellationToken)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        return (snapshot.Vendors, snapshot.Postings.LexemeCount, snapshot.Postings.PostingBytes);
    }

    /// <summary>The snapshot, brought up to the table's version first.</summary>
    private async Task<Snapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var version = await ReadVersionAsync(cancellationToken);
        if (current.Version >= version) return current;
        await refreshing.WaitAsync(cancellationToken);
        try
        {
            if (current.Version >= version) return current; // another search refreshed meanwhile
            await ApplyChangesAsync(copy, cancellationToken);
            // Rows that commit later carry a later version (the version row's lock orders them), so nothing is skipped.
            current = new Snapshot(Math.Max(copy.Version, version), copy.Slots.ToArray(), copy.Postings);
            if (copy.DeadSlots > (compactAfterDeadSlots ?? Math.Max(1_000, copy.Slots.Count / 4)) && compacting.IsCompleted)
                compacting = Task.Run(CompactAsync, CancellationToken.None);
            return current;
        }
        finally
        {
            refreshing.Release();
        }
    }

    /// <summary>
    /// Loads a fresh copy without holding up searches (a full load takes seconds), then, under the lock, applies what
    /// changed meanwhile and swaps it in. A failure leaves the old copy, which stays correct, only larger.
    /// </summary>
    private async Task CompactAsync()
    {
        try
        {
            var fresh = new Copy();
            await ApplyChangesAsync(fresh, CancellationToken.None);
            await refreshing.WaitAsync();
            try
            {
                var version = await ReadVersionAsync(CancellationToken.None);
                await ApplyChangesAsync(fresh, CancellationToken.None);
                copy = fresh;
                current = new Snapshot(Math.Max(fresh.Version, version), fresh.Slots.ToArray(), fresh.Postings);
            }
            finally
            {
                refreshing.Release();
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            // The next refresh that finds too many dead slots tries again.
        }
    }

    /// <summary>Applies to <paramref name="target"/> every entry written after the copy's version, with its document's lexemes.</summary>
    private async Task ApplyChangesAsync(Copy target, CancellationToken cancellationToken)
    {
        // The lexemes come with the entry (both are written in one transaction with the version), as one string per
        // vendor: a text[] would make a string of each of the 18.7 million lexemes of 100,000 vendors.
        await using var command = dataSource.CreateCommand("""
            SELECT e.organisation_id, e.listed, e.name, e.type_codes, e.service_ids, e.regions, e.languages, e.has_bcp, e.capacity_fte,
                   e.monthly_base_yen, e.certification_valid_to, e.verified_certification_valid_to, e.profile_sections, e.version,
                   array_to_string(tsvector_to_array(d.document), ' ')
            FROM vendor_search_entries e LEFT JOIN vendor_search_documents d ON d.organisation_id = e.organisation_id
            WHERE e.version > $1 ORDER BY e.version
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = target.Version, NpgsqlDbType = NpgsqlDbType.Bigint });
        var added = new List<(int Slot, string Lexemes)>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetGuid(0);
                target.Version = Math.Max(target.Version, reader.GetInt64(13));
                if (target.SlotOf.Remove(id, out var old))
                {
                    target.Slots[old] = null;
                    target.DeadSlots++;
                }
                if (!reader.GetBoolean(1)) continue;
                var name = reader.GetString(2);
                var slot = target.Slots.Count;
                target.Slots.Add(new Row(id, name, Normalise(name), reader.GetFieldValue<string[]>(3), reader.GetFieldValue<Guid[]>(4),
                    reader.GetFieldValue<string[]>(5), reader.GetFieldValue<string[]>(6), reader.GetBoolean(7),
                    reader.IsDBNull(8) ? null : reader.GetInt32(8), reader.IsDBNull(9) ? null : reader.GetInt64(9),
                    DayNumbers(reader.GetFieldValue<DateOnly?[]>(10)), DayNumbers(reader.GetFieldValue<DateOnly?[]>(11)), reader.GetInt32(12)));
                target.SlotOf[id] = slot;
                added.Add((slot, reader.IsDBNull(14) ? "" : reader.GetString(14)));
            }
        target.Postings = target.Postings.With(added, target.Slots.Count);
    }

    private async Task<long> ReadVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM vendor_search_state WHERE id = 1");
        return (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }

    private static int[] DayNumbers(DateOnly?[] dates) =>
        CertificationTypes.Codes.Select((_, i) => i < dates.Length && dates[i] is { } d ? d.DayNumber : -1).ToArray();

    /// <summary>The same normalisation the search terms get (NFKC, lower case), for "is every term in the name".</summary>
    private static string Normalise(string text) => text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    /// <summary>
    /// An immutable copy in columns (one array per fact, indexed by row ordinal): per facet value the set of ordinals
    /// as a bitmap, the numbers as plain arrays, and the rows pre-sorted in each order, so that a page is usually the
    /// first matching rows of a list rather than a sort.
    /// </summary>
    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(0, [], TermPostings.Empty);
        private const int NoValue = int.MinValue;

        private readonly Row?[] rows;                    // by slot; null: a dead slot
        private readonly ulong[] live;                   // the slots that hold a vendor
        private readonly int words;
        private readonly Dictionary<string, ulong[]> types = [];
        private readonly Dictionary<Guid, ulong[]> services = [];
        private readonly Dictionary<string, ulong[]> regionsServed = [];
        private readonly Dictionary<string, ulong[]> languages = [];
        private readonly ulong[] bcp;
        private readonly int[] capacity;                 // NoValue: not stated
        private readonly long[] fee;                     // long.MaxValue: not stated (sorts last going up)
        private readonly int[] certificationEnds;        // row * types + type, -1: none
        private readonly int[] verifiedEnds;
        private readonly int[] latestVerifiedEnd;
        private readonly int[] sections;
        private readonly int[] bySections;               // ordinals: profile sections descending, then id descending
        private readonly int[] byFee;                    // ordinals: fee ascending, then id ascending; not stated last
        private readonly int[] byFeeDescending;          // ordinals: fee descending, then id descending; not stated last

        public long Version { get; }

        public TermPostings Postings { get; }

        public int Vendors { get; }

        public Snapshot(long version, Row?[] rows, TermPostings postings)
        {
            Version = version;
            Postings = postings;
            this.rows = rows;
            var count = rows.Length;
            var kinds = CertificationTypes.Codes.Count;
            words = (count + 63) / 64;
            live = new ulong[words];
            bcp = new ulong[words];
            capacity = new int[count];
            fee = new long[count];
            certificationEnds = new int[count * kinds];
            verifiedEnds = new int[count * kinds];
            latestVerifiedEnd = new int[count];
            sections = new int[count];
            for (var i = 0; i < count; i++)
            {
                var row = rows[i];
                if (row is null) continue;
                Set(live, i);
                Vendors++;
                foreach (var type in row.TypeCodes) Set(Of(types, type), i);
                foreach (var service in row.ServiceIds) Set(Of(services, service), i);
                foreach (var language in row.Languages) Set(Of(languages, language), i);
                // A region is served by vendors that name it or work nationwide (remote is a way of working, not a place).
                foreach (var region in VendorVocabulary.Regions.Keys)
                    if (row.Regions.Contains(region) || (region is not ("nationwide" or "remote") && row.Regions.Contains("nationwide")))
                        Set(Of(regionsServed, region), i);
                if (row.HasBcp) Set(bcp, i);
                capacity[i] = row.CapacityFte ?? NoValue;
                fee[i] = row.MonthlyBaseYen ?? long.MaxValue;
                Array.Copy(row.CertificationEnds, 0, certificationEnds, i * kinds, kinds);
                Array.Copy(row.VerifiedCertificationEnds, 0, verifiedEnds, i * kinds, kinds);
                latestVerifiedEnd[i] = row.VerifiedCertificationEnds.Max();
                sections[i] = row.ProfileSections;
            }
            var listed = Enumerable.Range(0, count).Where(i => rows[i] is not null).ToArray();
            bySections = listed.OrderByDescending(i => sections[i]).ThenByDescending(i => rows[i]!.Id).ToArray();
            byFee = listed.OrderBy(i => fee[i]).ThenBy(i => rows[i]!.Id).ToArray();
            byFeeDescending = listed.OrderBy(i => fee[i] == long.MaxValue).ThenByDescending(i => fee[i]).ThenByDescending(i => rows[i]!.Id).ToArray();
        }

        private ulong[] Of<TKey>(Dictionary<TKey, ulong[]> bitmaps, TKey key) where TKey : notnull =>
            bitmaps.TryGetValue(key, out var bitmap) ? bitmap : bitmaps[key] = new ulong[words];

        private ulong[] Get<TKey>(Dictionary<TKey, ulong[]> bitmaps, TKey key) where TKey : notnull =>
            bitmaps.TryGetValue(key, out var bitmap) ? bitmap : new ulong[words];

        private static void Set(ulong[] bitmap, int i) => bitmap[i >> 6] |= 1UL << (i & 63);

        private static bool IsSet(ulong[] bitmap, int i) => (bitmap[i >> 6] & (1UL << (i & 63))) != 0;

        /// <summary>The listed vendors that match the text (all of them without one), as a bitmap the search may narrow.</summary>
        public ulong[] Matching(IReadOnlyList<SearchText.Term> terms)
        {
            if (terms.Count == 0) return (ulong[])live.Clone();
            var matches = Postings.Matches(terms, words);
            And(matches, live); // postings still name dead slots
            return matches;
        }

        private static void And(ulong[] target, ulong[] other)
        {
            for (var w = 0; w < target.Length; w++) target[w] &= other[w];
        }

        private static int CountBoth(ulong[] a, ulong[] b)
        {
            var count = 0;
            for (var w = 0; w < a.Length; w++) count += BitOperations.PopCount(a[w] & b[w]);
            return count;
        }

        public (List<VendorSearchHit>, VendorFacets) Search(VendorSearchCriteria criteria, IReadOnlyList<SearchText.Term> terms, ulong[] matches,
            VendorSearchPosition? after, int limit, VendorSearch.FacetValues values, IReadOnlyList<CatalogueService> catalogue)
        {
            // Filters held as bitmaps.
            foreach (var type in criteria.Types) And(matches, Get(types, type));
            foreach (var service in criteria.Services) And(matches, Get(services, service));
            foreach (var region in criteria.Regions) And(matches, Get(regionsServed, region));
            foreach (var language in criteria.Languages) And(matches, Get(languages, language));
            if (criteria.BcpOnly) And(matches, bcp);

            // Filters on numbers, then the counts that depend on the day or a range, in one pass over the matches:
            // plain loops over columns, no allocation per row (the hot path of a broad search).
            var kinds = CertificationTypes.Codes.Count;
            var through = criteria.ValidThrough.DayNumber;
            var chosen = criteria.Certifications.Select(c => CertificationTypes.Codes.ToList().IndexOf(c)).ToArray();
            var ends = criteria.VerifiedOnly ? verifiedEnds : certificationEnds;
            var capacityMin = criteria.CapacityMin ?? NoValue;
            var feeMin = criteria.MonthlyFeeMin ?? long.MinValue;
            var feeMax = criteria.MonthlyFeeMax ?? long.MaxValue;
            var feeFiltered = criteria.MonthlyFeeMin is not null || criteria.MonthlyFeeMax is not null;
            var anyVerifiedRequired = criteria.VerifiedOnly && chosen.Length == 0;
            var steps = VendorSearch.CapacitySteps;
            var bands = VendorSearch.FeeBands;
            var certificationCounts = new int[kinds];
            var capacityCounts = new int[steps.Length];
            var feeCounts = new int[bands.Length];
            var verifiedCount = 0;
            var total = 0;
            for (var w = 0; w < matches.Length; w++)
            {
                for (var bits = matches[w]; bits != 0; bits &= bits - 1)
                {
                    var i = (w << 6) + BitOperations.TrailingZeroCount(bits);
                    var at = i * kinds;
                    var passes = capacity[i] >= capacityMin
                                 && (!feeFiltered || (fee[i] != long.MaxValue && fee[i] >= feeMin && fee[i] <= feeMax))
                                 && (!anyVerifiedRequired || latestVerifiedEnd[i] >= through);
                    for (var c = 0; passes && c < chosen.Length; c++) passes = ends[at + chosen[c]] >= through;
                    if (!passes)
                    {
                        matches[w] &= ~(1UL << (i & 63));
                        continue;
                    }
                    total++;
                    for (var c = 0; c < kinds; c++)
                        if (ends[at + c] >= through) certificationCounts[c]++;
                    var verified = chosen.Length > 0 || latestVerifiedEnd[i] >= through;
                    for (var c = 0; verified && c < chosen.Length; c++) verified = verifiedEnds[at + chosen[c]] >= through;
                    if (verified) verifiedCount++;
                    for (var step = 0; step < steps.Length; step++)
                        if (capacity[i] >= steps[step]) capacityCounts[step]++;
                    if (fee[i] != long.MaxValue)
                        for (var b = 0; b < bands.Length; b++)
                            if (fee[i] >= bands[b].Min && fee[i] <= (bands[b].Max ?? long.MaxValue)) feeCounts[b]++;
                }
            }

            var facets = new VendorFacets(
                total,
                values.Types.Select(t => new FacetCount<string>(t, CountBoth(matches, Get(types, t)))).ToList(),
                values.Services.Select(s => new FacetCount<Guid>(s, CountBoth(matches, Get(services, s)))).ToList(),
                CertificationTypes.Codes.Select((c, i) => new FacetCount<string>(c, certificationCounts[i])).ToList(),
                verifiedCount,
                CountBoth(matches, bcp),
                VendorVocabulary.Regions.Keys.Select(r => new FacetCount<string>(r, CountBoth(matches, Get(regionsServed, r)))).ToList(),
                VendorVocabulary.Languages.Keys.Select(l => new FacetCount<string>(l, CountBoth(matches, Get(languages, l)))).ToList(),
                steps.Select((s, i) => new FacetCount<int>(s, capacityCounts[i])).ToList(),
                bands.Select((b, i) => new FacetCount<FeeBand>(b, feeCounts[i])).ToList());

            return (Page(criteria, terms, matches, after, limit, catalogue), facets);
        }

        /// <summary>
        /// Relevance with text is explainable: the name holds every term (2), else an offered service's name does (1),
        /// else the summary or a case study (0); then fuller profiles first. Fees: vendors that state none come last.
        /// Each order walks a pre-sorted list and stops when the page is full.
        /// </summary>
        private List<VendorSearchHit> Page(VendorSearchCriteria criteria, IReadOnlyList<SearchText.Term> terms, ulong[] matches, VendorSearchPosition? after,
            int limit, IReadOnlyList<CatalogueService> catalogue)
        {
            var page = new List<VendorSearchHit>(limit);
            switch (criteria.Sort)
            {
                case VendorSort.FeeAscending:
                    Walk(byFee, 0f, i => fee[i]);
                    break;
                case VendorSort.FeeDescending:
                    Walk(byFeeDescending, 0f, i => fee[i] == long.MaxValue ? -1 : fee[i]);
                    break;
                default:
                    if (terms.Count == 0)
                    {
                        Walk(bySections, 0f, _ => 0);
                        break;
                    }
                    // Tier 2: every term in the name; tier 1: in an offered service's name; tier 0: elsewhere.
                    var texts = terms.Select(t => t.Text).ToArray();
                    var serviceTier = new ulong[words];
                    foreach (var service in catalogue.Where(c => AllIn(texts, Normalise(c.NameJa)) || AllIn(texts, Normalise(c.NameEn))))
                        if (services.TryGetValue(service.Id, out var bitmap))
                            for (var w = 0; w < words; w++) serviceTier[w] |= bitmap[w] & matches[w];
                    var nameTier = new ulong[words];
                    for (var w = 0; w < words; w++)
                        for (var bits = matches[w]; bits != 0; bits &= bits - 1)
                        {
                            var i = (w << 6) + BitOperations.TrailingZeroCount(bits);
                            if (AllIn(texts, rows[i]!.NormalisedName)) Set(nameTier, i);
                        }
                    for (var w = 0; w < words; w++) serviceTier[w] &= ~nameTier[w];
                    var otherTier = new ulong[words];
                    for (var w = 0; w < words; w++) otherTier[w] = matches[w] & ~nameTier[w] & ~serviceTier[w];
                    foreach (var (tier, rank) in new[] { (nameTier, 2f), (serviceTier, 1f), (otherTier, 0f) })
                    {
                        if (page.Count == limit) break;
                        if (after is not null && rank > after.Rank) continue; // the cursor is past this tier
                        WalkIn(bySections, tier, rank, _ => 0);
                    }
                    break;
            }
            return page;

            void Walk(int[] order, float rank, Func<int, long> feeKey) => WalkIn(order, matches, rank, feeKey);

            void WalkIn(int[] order, ulong[] among, float rank, Func<int, long> feeKey)
            {
                foreach (var i in order)
                {
                    if (page.Count == limit) return;
                    if (!IsSet(among, i)) continue;
                    var key = criteria.Sort == VendorSort.Relevance ? 0 : feeKey(i);
                    var row = rows[i]!;
                    var position = new VendorSearchPosition(rank, sections[i], criteria.Sort == VendorSort.Relevance ? 0 : key, row.Id);
                    if (after is not null && !IsAfter(criteria.Sort, position, after)) continue;
                    page.Add(new VendorSearchHit(row.Id, row.Name, row.TypeCodes, position));
                }
            }
        }

        /// <summary>Whether <paramref name="a"/> comes after the cursor <paramref name="b"/> in the sort's order.</summary>
        private static bool IsAfter(VendorSort sort, VendorSearchPosition a, VendorSearchPosition b) => sort switch
        {
            VendorSort.FeeAscending => a.FeeKey != b.FeeKey ? a.FeeKey > b.FeeKey : a.OrganisationId.CompareTo(b.OrganisationId) > 0,
            VendorSort.FeeDescending => a.FeeKey != b.FeeKey ? a.FeeKey < b.FeeKey : a.OrganisationId.CompareTo(b.OrganisationId) < 0,
            _ => a.Rank != b.Rank ? a.Rank < b.Rank
                : a.ProfileSections != b.ProfileSections ? a.ProfileSections < b.ProfileSections
                : a.OrganisationId.CompareTo(b.OrganisationId) < 0,
        };

        /// <summary>Every term occurs in the text (pairs exactly; words and single kanji anywhere).</summary>
        private static bool AllIn(string[] terms, string normalised)
        {
            foreach (var term in terms)
                if (!normalised.Contains(term, StringComparison.Ordinal)) return false;
            return true;
        }
    }
}
