using Marketplace.Core.Catalogue;
using Marketplace.Core.Data;
using Marketplace.Core.Organisations;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Marketplace.Core.Vendors;

/// <summary>
/// One listed vendor as the marketplace search reads it: a narrow row of what the facets filter and count on, and the
/// search document (decision record 0012). Derived from the profile, the certifications, the organisation's name and
/// the catalogue; <see cref="VendorSearchIndex"/> rewrites it in the same save that changes any of them, so search
/// never shows a state the vendor has left. A vendor is listed once its profile names a service.
/// </summary>
public sealed class VendorSearchEntry : ITenantWritten
{
    private VendorSearchEntry() { }

    public VendorSearchEntry(Guid organisationId) => OrganisationId = organisationId;

    public Guid OrganisationId { get; private set; }
    /// <summary>The <see cref="VendorSearchState"/> version of the save that last wrote this row.</summary>
    public long Version { get; set; }
    public bool Listed { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>BPO, ITO, KPO: the types of the services offered.</summary>
    public string[] TypeCodes { get; set; } = [];
    public Guid[] ServiceIds { get; set; } = [];
    public string[] Regions { get; set; } = [];
    public string[] Languages { get; set; } = [];
    public bool HasBcp { get; set; }
    public int? CapacityFte { get; set; }
    public long? MonthlyBaseYen { get; set; }
    /// <summary>The profile's industries, client sizes and per-unit prices (JSON, as on the profile): what RFP matching
    /// needs besides the facets, kept here so that a match reads this narrow table and never the wide profiles.</summary>
    public string[] Industries { get; set; } = [];
    public string[] ClientSizes { get; set; } = [];
    public string UnitPrices { get; set; } = "[]";

    /// <summary>
    /// Per certification type (the position in <see cref="CertificationTypes.Codes"/>), the latest end date of a
    /// certification of that type that has begun. Search asks "ends on or after the chosen date (today at the
    /// earliest)", so a certification that has expired stops counting on its own, with no rewrite.
    /// </summary>
    public DateOnly?[] CertificationValidTo { get; set; } = [];
    /// <summary>The same, counting only certifications a platform operator verified.</summary>
    public DateOnly?[] VerifiedCertificationValidTo { get; set; } = [];

    /// <summary>How many of the profile's eight sections are filled: the order when there is no text to rank by.</summary>
    public int ProfileSections { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Until when listings show the vendor's featured badge (a paid plan's entitlement, written by the billing worker;
    /// decision 0018). Only a badge: no search, ranking or matching reads it.
    /// </summary>
    public DateTimeOffset? FeaturedUntil { get; set; }
}

/// <summary>
/// A listed vendor's search terms (<see cref="SearchText"/>), weighted A (name) to D (industries, certifications), in a
/// table of their own: the text match reads only this narrow table's pages and its GIN index, never the facet columns.
/// </summary>
public sealed class VendorSearchDocument : ITenantWritten
{
    private VendorSearchDocument() { }

    public VendorSearchDocument(Guid organisationId) => OrganisationId = organisationId;

    public Guid OrganisationId { get; private set; }
    public NpgsqlTsVector Document { get; set; } = NpgsqlTsVector.Empty;
}

/// <summary>
/// One row: the version of the search entries, raised by every save that writes one. Search processes compare it
/// with what they hold and read only the rows written since. The raise takes this row's lock until the save commits,
/// so versions become visible in order and a reader never skips one.
/// </summary>
public sealed class VendorSearchState
{
    public int Id { get; set; }
    public long Version { get; set; }
}

/// <summary>Keeps <see cref="VendorSearchEntry"/> rows in step with what they are derived from.</summary>
public static class VendorSearchIndex
{
    /// <summary>The vendors whose entry the pending changes of <paramref name="db"/> make stale.</summary>
    public static HashSet<Guid> StaleVendors(MarketplaceDbContext db)
    {
        var stale = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            switch (entry.Entity)
            {
                case VendorProfile p: stale.Add(p.OrganisationId); break;
                case Certification c: stale.Add(c.OrganisationId); break;
                case Organisation { Kind: OrganisationKind.Vendor } o when entry.State == EntityState.Modified && entry.Property(nameof(Organisation.Name)).IsModified:
                    stale.Add(o.Id);
                    break;
            }
        }
        return stale;
    }

    /// <summary>
    /// Rewrites (adds, updates or removes) the entries of <paramref name="vendors"/> from the context's current state,
    /// pending changes included; the caller saves. Works on a batch with four queries, whatever its size.
    /// </summary>
    public static async Task ProjectAsync(MarketplaceDbContext db, IReadOnlyCollection<Guid> vendors, DateOnly today, CancellationToken cancellationToken)
    {
        if (vendors.Count == 0) return;
        var version = await NextVersionAsync(db, cancellationToken);
        var ids = vendors.ToList();
        // Load into the tracker, then read the tracker: it holds the unsaved additions, edits and deletions too.
        await db.VendorProfiles.Where(p => ids.Contains(p.OrganisationId)).LoadAsync(cancellationToken);
        await db.Certifications.Where(c => ids.Contains(c.OrganisationId)).LoadAsync(cancellationToken);
        await db.Organisations.Where(o => ids.Contains(o.Id)).LoadAsync(cancellationToken);
        await db.VendorSearchEntries.Where(e => ids.Contains(e.OrganisationId)).LoadAsync(cancellationToken);
        await db.VendorSearchDocuments.Where(d => ids.Contains(d.OrganisationId)).LoadAsync(cancellationToken);
        var services = await db.CatalogueServices.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);

        var idSet = ids.ToHashSet();
        var profiles = Current<VendorProfile>(db).Where(p => idSet.Contains(p.OrganisationId)).ToDictionary(p => p.OrganisationId);
        var certifications = Current<Certification>(db).Where(c => idSet.Contains(c.OrganisationId)).ToLookup(c => c.OrganisationId);
        var names = Current<Organisation>(db).Where(o => idSet.Contains(o.Id)).ToDictionary(o => o.Id, o => o.Name);
        var entries = Current<VendorSearchEntry>(db).Where(e => idSet.Contains(e.OrganisationId)).ToDictionary(e => e.OrganisationId);
        var documents = Current<VendorSearchDocument>(db).Where(d => idSet.Contains(d.OrganisationId)).ToDictionary(d => d.OrganisationId);

        foreach (var id in ids)
        {
            var listed = profiles.TryGetValue(id, out var profile) && profile.ServiceIds.Length > 0 && names.ContainsKey(id);
            entries.TryGetValue(id, out var entry);
            documents.TryGetValue(id, out var document);
            if (!listed)
            {
                if (entry is { Listed: true }) (entry.Listed, entry.Version, entry.UpdatedAt) = (false, version, DateTimeOffset.UtcNow);
                if (document is not null) db.VendorSearchDocuments.Remove(document);
                continue;
            }
            if (entry is null) db.VendorSearchEntries.Add(entry = new VendorSearchEntry(id));
            if (document is null) db.VendorSearchDocuments.Add(document = new VendorSearchDocument(id));
            var held = certifications[id].ToList();
            Fill(entry, profile!, names[id], held, services, today);
            (entry.Listed, entry.Version) = (true, version);
            document.Document = DocumentOf(profile!, names[id], held, services);
        }
    }

    /// <summary>
    /// Vendors whose entry needs a rewrite without any change of theirs: listed profiles with no entry yet (data from
    /// before search, or restored from a backup) and vendors with a certification that began in the last week (an
    /// entry counts a certification only from its first day). Run daily by the Workers and by Admin migrate.
    /// </summary>
    public static async Task<List<Guid>> VendorsToRefreshAsync(MarketplaceDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var weekAgo = today.AddDays(-7);
        return await db.VendorProfiles.Where(p => p.ServiceIds.Length > 0
                && !(db.VendorSearchEntries.Any(e => e.OrganisationId == p.OrganisationId && e.Listed) && db.VendorSearchDocuments.Any(d => d.OrganisationId == p.OrganisationId)))
            .Select(p => p.OrganisationId)
            .Union(db.Certifications.Where(c => c.ValidFrom > weekAgo && c.ValidFrom <= today).Select(c => c.OrganisationId))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Rewrites one vendor's entry in a context of its own (which then acts for that vendor).</summary>
    public static async Task RefreshAsync(MarketplaceDbContext db, Guid vendor, DateOnly today, CancellationToken cancellationToken)
    {
        db.Tenant.Set(vendor);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await ProjectAsync(db, [vendor], today, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Raises the version inside the caller's transaction (the row stays locked until it commits; see
    /// <see cref="VendorSearchState"/>).
    /// </summary>
    private static async Task<long> NextVersionAsync(MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Search entries are written inside a transaction (MarketplaceDbContext.SaveChangesAsync opens one).");
        return await db.Database.SqlQuery<long>($"UPDATE vendor_search_state SET version = version + 1 WHERE id = 1 RETURNING version AS \"Value\"")
            .AsAsyncEnumerable().SingleAsync(cancellationToken);
    }

    private static IEnumerable<T> Current<T>(MarketplaceDbContext db) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State != EntityState.Deleted && e.State != EntityState.Detached).Select(e => e.Entity);

    private static void Fill(VendorSearchEntry entry, VendorProfile profile, string name, List<Certification> certifications,
        Dictionary<Guid, CatalogueService> catalogue, DateOnly today)
    {
        var offered = profile.ServiceIds.Where(catalogue.ContainsKey).Select(id => catalogue[id]).ToList();
        var begun = certifications.Where(c => c.ValidFrom <= today).ToList();

        entry.Slug = profile.Slug;
        entry.Name = name;
        entry.TypeCodes = offered.Select(s => s.TypeCode).Distinct().Order(StringComparer.Ordinal).ToArray();
        entry.ServiceIds = profile.ServiceIds;
        entry.Regions = profile.Regions;
        entry.Languages = profile.Languages;
        entry.HasBcp = profile.HasBcp == true;
        entry.CapacityFte = profile.CapacityFte;
        entry.MonthlyBaseYen = profile.MonthlyBaseYen;
        entry.Industries = profile.Industries;
        entry.ClientSizes = profile.ClientSizes;
        entry.UnitPrices = System.Text.Json.JsonSerializer.Serialize(profile.UnitPrices);
        entry.CertificationValidTo = CertificationTypes.Codes.Select(code => LatestEnd(begun.Where(c => c.Type == code))).ToArray();
        entry.VerifiedCertificationValidTo = CertificationTypes.Codes.Select(code => LatestEnd(begun.Where(c => c.Type == code && c.IsVerified))).ToArray();
        entry.ProfileSections = ProfileCompleteness.SectionsDone(profile);
        entry.UpdatedAt = DateTimeOffset.UtcNow;
    }

    private static NpgsqlTsVector DocumentOf(VendorProfile profile, string name, List<Certification> certifications, Dictionary<Guid, CatalogueService> catalogue)
    {
        var offered = profile.ServiceIds.Where(catalogue.ContainsKey).Select(id => catalogue[id]).ToList();
        return Document(
            ('A', [name]),
            ('B', [profile.Summary, profile.SummaryEn, .. offered.SelectMany(s => new[] { s.NameJa, s.NameEn })]),
            ('C', profile.CaseStudies.SelectMany(c => new[] { c.Title, c.Description, c.Industry })),
            ('D', [.. profile.Industries, .. certifications.Select(c => c.OtherName ?? CertificationTypes.All[c.Type].Ja),
                .. certifications.Select(c => CertificationTypes.All[c.Type].En)]));
    }

    private static DateOnly? LatestEnd(IEnumerable<Certification> certifications) =>
        certifications.Select(c => (DateOnly?)c.ValidTo).DefaultIfEmpty(null).Max();

    /// <summary>Each term once, with the weight of the first (highest-weighted) field it appears in.</summary>
    /// <param name="fields">From weight A down to D.</param>
    private static NpgsqlTsVector Document(params (char Weight, IEnumerable<string?> Texts)[] fields)
    {
        var weights = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var (weight, texts) in fields)
            foreach (var text in texts)
                foreach (var term in SearchText.Terms(text))
                    weights.TryAdd(term.Text, weight);
        // tsvector's text form: 'term':1A ... Npgsql marks its client-side parser obsolete because it cannot mirror
        // to_tsvector's word splitting; here there is none to mirror: every lexeme is quoted, made of letters and
        // digits only, and the round trip is tested (SearchTextTests).
#pragma warning disable CS0618
        return NpgsqlTsVector.Parse(string.Join(' ', weights.Select(t => $"'{SearchText.Quote(t.Key)}':1{t.Value}")));
#pragma warning restore CS0618
    }
}
