using System.Globalization;
using System.Text;
using CsvHelper;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Texts;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Vendors;

/// <summary>One vendor's value on one axis; certification rows also carry the badges (with their expiry state).</summary>
public sealed record ComparisonCell(string Text, IReadOnlyList<CertificationBadge>? Certifications = null);

/// <param name="Section">services, certifications, bcp, fees, trackRecord, organisation, security or coverage (the seed's axes).</param>
/// <param name="Differs">The vendors do not all have the same value here.</param>
public sealed record ComparisonRow(string Section, string Key, string Label, IReadOnlyList<ComparisonCell> Cells, bool Differs);

/// <param name="InitialFeeYen">The fees as numbers too, for the page's chart (yen, tax-exclusive).</param>
public sealed record ComparedVendor(string Slug, string Name, long? InitialFeeYen, long? MonthlyBaseYen);

/// <param name="Today">The day expiry was judged on (Japan).</param>
public sealed record VendorComparison(DateOnly Today, IReadOnlyList<ComparedVendor> Vendors, IReadOnlyList<ComparisonRow> Rows);

/// <summary>
/// The compare tray: 2 to 5 vendors side by side on the axes a selection weighs (domain.md, "Selection axes"), built
/// once here as rows so that the page and the CSV export say exactly the same thing, in the reader's language.
/// </summary>
public static class CompareEndpoints
{
    public const int MinVendors = 2;
    public const int MaxVendors = 5;

    public static RouteGroupBuilder MapCompareEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/vendors/compare", Compare)
            .WithMetadata(new PublicData())
            .WithTags("Marketplace")
            .WithName("CompareVendors")
            .WithSummary("2 to 5 vendors side by side (slug=a&slug=b...), as rows of the selection axes")
            .ProducesValidationProblem();
        api.MapGet("/vendors/compare/export", Export)
            .WithMetadata(new PublicData())
            .WithTags("Marketplace")
            .WithName("ExportVendorComparison")
            .WithSummary("The same comparison as a CSV file (UTF-8 with BOM, so that Excel opens it in Japanese)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<VendorComparison>, ValidationProblem>> Compare(string[]? slug, MarketplaceDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var comparison = await BuildAsync(slug, db, clock.Today(), cancellationToken);
        return comparison.Errors is null ? TypedResults.Ok(comparison.Value!) : ValidationRules.FieldProblem(comparison.Errors);
    }

    private static async Task<IResult> Export(string[]? slug, MarketplaceDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var comparison = await BuildAsync(slug, db, clock.Today(), cancellationToken);
        if (comparison.Errors is not null) return ValidationRules.FieldProblem(comparison.Errors);
        var value = comparison.Value!;
        var file = new MemoryStream();
        file.Write(Encoding.UTF8.Preamble); // the BOM: without it Excel reads UTF-8 Japanese as mojibake
        // Vendors write these texts: a cell starting like a formula (=, +, -, @) is escaped so a spreadsheet shows it as text.
        await using (var csv = CsvWriter.Create(file, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            csv.WriteRecord([TextCatalogue.Say("compare.axis"), .. value.Vendors.Select(v => v.Name)]);
            foreach (var row in value.Rows) csv.WriteRecord([row.Label, .. row.Cells.Select(c => c.Text)]);
        }
        var bytes = file.ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"vendor-comparison-{value.Today:yyyyMMdd}.csv");
    }

    private readonly record struct Built(VendorComparison? Value, Dictionary<string, string[]>? Errors)
    {
        public static implicit operator Built(VendorComparison value) => new(value, null);
        public static implicit operator Built(Dictionary<string, string[]> errors) => new(null, errors);
    }

    private static async Task<Built> BuildAsync(string[]? slugs, MarketplaceDbContext db, DateOnly today, CancellationToken cancellationToken)
    {
        var chosen = (slugs ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count is < MinVendors or > MaxVendors)
            return new Dictionary<string, string[]>
            {
                ["slug"] = [TextCatalogue.Say("compare.vendorCount", new { min = MinVendors, max = MaxVendors })],
            };
        var wellFormed = chosen.Where(VendorProfileEndpoints.IsWellFormedSlug).ToList(); // the rest are missing, not a database error
        var found = await db.VendorProfiles.AsNoTracking().Where(p => wellFormed.Contains(p.Slug))
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { Profile = p, o.Name })
            .ToDictionaryAsync(x => x.Profile.Slug, cancellationToken);
        if (chosen.FirstOrDefault(s => !found.ContainsKey(s)) is { } missing)
        {
            var shown = new string((missing.Length > 64 ? missing[..64] + "…" : missing).Where(c => !char.IsControl(c)).ToArray());
            return new Dictionary<string, string[]>
            {
                ["slug"] = [TextCatalogue.Say("compare.noSuchVendor", new { slug = shown })],
            };
        }
        var vendors = chosen.Select(s => found[s]).ToList();
        var ids = vendors.Select(v => v.Profile.OrganisationId).ToList();
        var certifications = (await db.Certifications.AsNoTracking().Where(c => ids.Contains(c.OrganisationId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.OrganisationId);
        var catalogue = await db.CatalogueServices.AsNoTracking().ToDictionaryAsync(s => s.Id, cancellationToken);

        var rows = new List<ComparisonRow>();
        void Row(string section, string key, string label, Func<VendorProfile, string> text) =>
            rows.Add(MakeRow(section, key, label, vendors.Select(v => new ComparisonCell(text(v.Profile))).ToList()));

        Row("services", "services", ValidationRules.Label("vendor.services"), p => List(p.ServiceIds.Where(catalogue.ContainsKey).Select(id => catalogue[id])
            .OrderBy(s => s.TypeCode).ThenBy(s => s.SortOrder).Select(s => TextCatalogue.Pick(s.NameJa, s.NameEn))));
        rows.Add(MakeRow("certifications", "certifications", TextCatalogue.Say("compare.certifications"),
            vendors.Select(v =>
            {
                var badges = SearchEndpoints.Badges(certifications[v.Profile.OrganisationId], today);
                return new ComparisonCell(List(badges.Select(Describe), "\n"), badges);
            }).ToList()));
        Row("bcp", "hasBcp", TextCatalogue.Say("compare.bcp"), p => p.HasBcp switch { true => Yes, false => No, null => Unknown });
        Row("bcp", "backupSites", ValidationRules.Label("vendor.backupSites"), p => p.BackupSites ?? Unknown);
        Row("bcp", "rto", ValidationRules.Label("vendor.rto"), p => p.RecoveryTimeObjectiveHours is { } h ? TextCatalogue.Say("compare.hours", new { hours = h }) : Unknown);
        Row("bcp", "lastDrillOn", ValidationRules.Label("vendor.lastDrillOn"), p => p.LastDrillOn?.ToString("yyyy-MM-dd") ?? Unknown);
        Row("fees", "initialFee", ValidationRules.Label("vendor.initialFee"), p => Yen(p.InitialFeeYen));
        Row("fees", "monthlyBase", ValidationRules.Label("vendor.monthlyBase"), p => Yen(p.MonthlyBaseYen));
        Row("fees", "unitPrices", ValidationRules.Label("vendor.unitPrices"), p => List(p.UnitPrices.Select(u =>
            $"{u.Unit}: " + string.Join(TextCatalogue.Say("compare.bandSeparator"),
                u.Bands.Select(b => TextCatalogue.Say("compare.band", new { from = b.FromQuantity, price = Yen(b.PriceYen) })))), "\n"));
        Row("fees", "extraChargeConditions", ValidationRules.Label("vendor.extraChargeConditions"), p => List(p.ExtraChargeConditions, "\n"));
        Row("fees", "standardInclusions", ValidationRules.Label("vendor.standardInclusions"), p => List(p.StandardInclusions, "\n"));
        Row("trackRecord", "industries", ValidationRules.Label("vendor.industries"), p => List(p.Industries));
        Row("trackRecord", "clientSizes", ValidationRules.Label("vendor.clientSizes"), p => List(p.ClientSizes.Select(s => Name(VendorVocabulary.ClientSizes, s))));
        Row("trackRecord", "caseStudies", ValidationRules.Label("vendor.caseStudies"), p => List(p.CaseStudies.Select(c => c.Year is { } y ? $"{c.Title} ({y})" : c.Title), "\n"));
        Row("organisation", "staffCount", ValidationRules.Label("vendor.staffCount"), p => p.StaffCount is { } n ? TextCatalogue.Say("compare.staff", new { count = n }) : Unknown);
        Row("organisation", "backupStructure", ValidationRules.Label("vendor.backupStructure"), p => p.BackupStructure ?? Unknown);
        Row("security", "accessControl", ValidationRules.Label("vendor.accessControl"), p => p.AccessControl ?? Unknown);
        Row("security", "auditLogging", ValidationRules.Label("vendor.auditLogging"), p => p.AuditLogging ?? Unknown);
        Row("security", "subcontractingPolicy", ValidationRules.Label("vendor.subcontractingPolicy"), p => p.SubcontractingPolicy ?? Unknown);
        Row("security", "incidentResponse", ValidationRules.Label("vendor.incidentResponse"), p => p.IncidentResponse ?? Unknown);
        Row("coverage", "regions", ValidationRules.Label("vendor.regions"), p => List(p.Regions.Select(r => Name(VendorVocabulary.Regions, r))));
        Row("coverage", "languages", ValidationRules.Label("vendor.languages"), p => List(p.Languages.Select(l => Name(VendorVocabulary.Languages, l))));
        Row("coverage", "capacity", ValidationRules.Label("vendor.capacity"), p => p.CapacityFte is { } n ? TextCatalogue.Say("compare.fte", new { count = n }) : Unknown);

        return new VendorComparison(today, vendors.Select(v => new ComparedVendor(v.Profile.Slug, v.Name, v.Profile.InitialFeeYen, v.Profile.MonthlyBaseYen)).ToList(), rows);
    }

    private static ComparisonRow MakeRow(string section, string key, string label, List<ComparisonCell> cells) =>
        new(section, key, label, cells, cells.Select(c => c.Text).Distinct(StringComparer.Ordinal).Count() > 1);

    private static string Describe(CertificationBadge badge)
    {
        var name = badge.Type == "other" ? badge.OtherName ?? "" : CertificationTypes.Name(badge.Type).ToString();
        var state = badge.Status is "expired" or "expiring" or "notYetValid" ? TextCatalogue.Say($"compare.badge.{badge.Status}") : "";
        var verified = TextCatalogue.Say(badge.Verified ? "compare.badge.verified" : "compare.badge.notVerified");
        return TextCatalogue.Say("compare.badge", new { name, validTo = badge.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), verified, state });
    }

    private static string Yes => TextCatalogue.Say("compare.yes");
    private static string No => TextCatalogue.Say("compare.no");
    private static string Unknown => TextCatalogue.Say("compare.unknown");

    /// <summary>Yen as written; the row labels say the amounts are tax-exclusive.</summary>
    private static string Yen(long? amount) => amount is { } a ? TextCatalogue.Say("compare.yen", new { amount = a }) : Unknown;

    private static string Name(IReadOnlyDictionary<string, (string Ja, string En)> names, string code) =>
        names.TryGetValue(code, out var name) ? TextCatalogue.Pick(name.Ja, name.En) : code;

    private static string List(IEnumerable<string> items, string? separator = null)
    {
        var list = items.ToList();
        return list.Count == 0 ? Unknown : string.Join(separator ?? TextCatalogue.Say("common.nameSeparator"), list);
    }
}
