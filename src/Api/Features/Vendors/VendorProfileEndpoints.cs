using System.Text.RegularExpressions;
using FluentValidation;
using Marketplace.Api.Infrastructure;
using Marketplace.Core.Auditing;
using Marketplace.Core.Data;
using Marketplace.Core.Hosting;
using Marketplace.Core.Integrations;
using Marketplace.Core.Organisations;
using Marketplace.Core.Vendors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Api.Features.Vendors;

public sealed record CaseStudyDto(string? Title, string? Industry, string? ClientSize, string? Description, int? Year);
public sealed record VolumeBandDto(long? FromQuantity, long? PriceYen);
public sealed record UnitPriceDto(string? Unit, VolumeBandDto[]? Bands);

/// <summary>The whole editable profile. Money is in yen, tax-exclusive (税抜).</summary>
public sealed record VendorProfileInput(
    string? Slug, string? Summary, string? SummaryEn, Guid[]? ServiceIds,
    string[]? Industries, string[]? ClientSizes, CaseStudyDto[]? CaseStudies,
    int? StaffCount, string? BackupStructure, string? ContactName, string? ContactEmail,
    bool? HasBcp, string? BackupSites, int? RecoveryTimeObjectiveHours, DateOnly? LastDrillOn,
    string? AccessControl, string? AuditLogging, string? SubcontractingPolicy, string? IncidentResponse,
    long? InitialFeeYen, long? MonthlyBaseYen, UnitPriceDto[]? UnitPrices, string[]? ExtraChargeConditions, string[]? StandardInclusions,
    string[]? Regions, string[]? Languages, int? CapacityFte);

/// <param name="Missing">Section keys still empty: services, summary, trackRecord, organisation, bcp, security, fees, coverage.</param>
public sealed record Completeness(int Percent, IReadOnlyList<string> Missing);

public sealed record VocabularyItem(string Code, string NameJa, string NameEn);

/// <summary>The closed lists a vendor profile (and later the search) chooses from.</summary>
public sealed record VendorVocabularyDto(IReadOnlyList<VocabularyItem> ClientSizes, IReadOnlyList<VocabularyItem> Regions, IReadOnlyList<VocabularyItem> Languages);

public sealed record VendorProfileDto(Guid OrganisationId, string OrganisationName, VendorProfileInput Profile, Completeness Completeness, DateTimeOffset? UpdatedAt);

/// <summary>
/// The active vendor organisation's profile: read by every member (and API clients with organisation.read),
/// written by its owner, admins and sales. One PUT replaces the whole profile, after every field is checked.
/// </summary>
public static partial class VendorProfileEndpoints
{
    public const long MaxFeeYen = 1_000_000_000; // 10 億円: above this a figure is a typo, not a price
    public const long MaxUnitPriceYen = 100_000_000;

    public static RouteGroupBuilder MapVendorProfileEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/vendor-vocabulary", () => TypedResults.Ok(new VendorVocabularyDto(
                Items(VendorVocabulary.ClientSizes), Items(VendorVocabulary.Regions), Items(VendorVocabulary.Languages))))
            .WithTags("Vendor profile")
            .WithName("GetVendorVocabulary")
            .WithSummary("Client sizes, regions and languages a profile chooses from, with Japanese and English names");

        var group = api.MapGroup("/vendor-profile").WithTags("Vendor profile");
        group.MapGet("/", Get)
            .RequireMember(ApiScopes.VendorProfileRead)
            .WithName("GetVendorProfile")
            .WithSummary("The active vendor organisation's profile and what is still missing");
        group.MapPut("/", Put)
            .RequireMember(ApiScopes.VendorProfileWrite, OrganisationRoles.Owner, OrganisationRoles.Admin, OrganisationRoles.Sales)
            .Validate<VendorProfileInput>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SaveVendorProfile")
            .WithSummary("Replace the active vendor organisation's profile");
        return api;
    }

    private static List<VocabularyItem> Items(IReadOnlyDictionary<string, (string Ja, string En)> list) =>
        list.Select(i => new VocabularyItem(i.Key, i.Value.Ja, i.Value.En)).ToList();

    /// <summary>Words the marketplace's own addresses use under /vendors/ (/vendors/compare).</summary>
    public static readonly HashSet<string> ReservedSlugs = ["compare", "search", "new", "export"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,63}$")]
    private static partial Regex SlugPattern();

    /// <summary>Whether a text can be a public page address at all (lookups skip the database for anything else).</summary>
    public static bool IsWellFormedSlug(string text) => SlugPattern().IsMatch(text);

    public sealed class Validator : AbstractValidator<VendorProfileInput>
    {
        public Validator()
        {
            const int text = VendorProfile.LongTextMaxLength;
            RuleFor(x => x.Slug).Cascade(CascadeMode.Stop).Required("vendor.slug")
                .Must(s => SlugPattern().IsMatch(s!))
                .WithMessage(_ => Localization.CurrentLanguage == "en"
                    ? "Public page address: 3 to 64 lowercase letters, digits and hyphens."
                    : "公開ページのアドレスは英小文字・数字・ハイフンで 3〜64 文字にしてください。")
                .Must(s => !ReservedSlugs.Contains(s!))
                .WithMessage(_ => Localization.CurrentLanguage == "en"
                    ? "This public page address is reserved; choose another."
                    : "このアドレスは予約されているため使えません。別のアドレスにしてください。");
            RuleFor(x => x.Summary).MaxChars("vendor.summary", text);
            RuleFor(x => x.SummaryEn).MaxChars("vendor.summaryEn", text);
            RuleFor(x => x.ServiceIds).Must(ids => ids is null || (ids.Length <= 50 && ids.Distinct().Count() == ids.Length))
                .WithMessage(_ => Localization.CurrentLanguage == "en" ? "Services: up to 50, each once." : "提供サービスは重複なく 50 件まで選んでください。");
            RuleFor(x => x.Industries).TextList("vendor.industries", 20, 100);
            RuleFor(x => x.ClientSizes).AllOneOf("vendor.clientSizes", VendorVocabulary.ClientSizes);
            RuleFor(x => x.CaseStudies).Must(c => c is null || (c.Length <= 20 && c.All(i => i is not null)))
                .WithMessage(_ => Localization.CurrentLanguage == "en" ? "Case studies: up to 20, none empty." : "導入事例は 20 件までで、空の項目は送れません。");
            RuleForEach(x => x.CaseStudies).ChildRules(c =>
            {
                c.RuleFor(x => x.Title).Cascade(CascadeMode.Stop).Required("vendor.caseStudy.title").MaxChars("vendor.caseStudy.title", VendorProfile.ShortTextMaxLength);
                c.RuleFor(x => x.Industry).MaxChars("vendor.caseStudy.industry", 100);
                c.RuleFor(x => x.Description).Cascade(CascadeMode.Stop).Required("vendor.caseStudy.description").MaxChars("vendor.caseStudy.description", text);
                c.RuleFor(x => x.ClientSize).Must(s => s is null || VendorVocabulary.ClientSizes.ContainsKey(s))
                    .WithMessage(_ => ValidationRules.Label("vendor.clientSizes") + (Localization.CurrentLanguage == "en" ? ": unknown value." : "の値が正しくありません。"));
                c.RuleFor(x => x.Year).InRange("vendor.caseStudy.year", 1950, DateTime.UtcNow.Year);
            });
            RuleFor(x => x.StaffCount).InRange("vendor.staffCount", 0, 1_000_000);
            RuleFor(x => x.BackupStructure).MaxChars("vendor.backupStructure", text);
            RuleFor(x => x.ContactName).MaxChars("vendor.contactName", VendorProfile.ShortTextMaxLength);
            RuleFor(x => x.ContactEmail).Cascade(CascadeMode.Stop).MaxChars("vendor.contactEmail", Organisation.EmailMaxLength)
                .Email("vendor.contactEmail").When(x => !string.IsNullOrWhiteSpace(x.ContactEmail));
            RuleFor(x => x.BackupSites).MaxChars("vendor.backupSites", text);
            RuleFor(x => x.RecoveryTimeObjectiveHours).InRange("vendor.rto", 0, 8760);
            RuleFor(x => x.LastDrillOn).Must(d => d is null || d <= TimeProvider.System.Today())
                .WithMessage(_ => Localization.CurrentLanguage == "en" ? "Last drill: a date in the past." : "直近の訓練日は今日以前の日付にしてください。");
            RuleFor(x => x.AccessControl).MaxChars("vendor.accessControl", text);
            RuleFor(x => x.AuditLogging).MaxChars("vendor.auditLogging", text);
            RuleFor(x => x.SubcontractingPolicy).MaxChars("vendor.subcontractingPolicy", text);
            RuleFor(x => x.IncidentResponse).MaxChars("vendor.incidentResponse", text);
            RuleFor(x => x.InitialFeeYen).InRange("vendor.initialFee", 0, MaxFeeYen);
            RuleFor(x => x.MonthlyBaseYen).InRange("vendor.monthlyBase", 0, MaxFeeYen);
            RuleFor(x => x.UnitPrices).Must(u => u is null || (u.Length <= 20 && u.All(i => i is not null)))
                .WithMessage(_ => Localization.CurrentLanguage == "en" ? "Per-unit prices: up to 20, none empty." : "従量課金は 20 件までで、空の項目は送れません。");
            RuleForEach(x => x.UnitPrices).ChildRules(u =>
            {
                u.RuleFor(x => x.Unit).Cascade(CascadeMode.Stop).Required("vendor.unit").MaxChars("vendor.unit", 50);
                u.RuleFor(x => x.Bands).Must(b => b is not null && b.All(x => x is not null) && ValidationRules.BandsInOrder(b.Select(x => x.FromQuantity).ToList()))
                    .WithMessage(_ => ValidationRules.BandsInOrderMessage());
                u.RuleForEach(x => x.Bands).ChildRules(b =>
                {
                    b.RuleFor(x => x.PriceYen).NotNull().WithMessage(_ => ValidationRules.Label("vendor.bandPrice") + (Localization.CurrentLanguage == "en" ? " is required." : "を入力してください。"))
                        .InRange("vendor.bandPrice", 0, MaxUnitPriceYen);
                    b.RuleFor(x => x.FromQuantity).InRange("vendor.bands", 0, 1_000_000_000);
                });
            });
            RuleFor(x => x.ExtraChargeConditions).TextList("vendor.extraChargeConditions", 30, VendorProfile.ShortTextMaxLength);
            RuleFor(x => x.StandardInclusions).TextList("vendor.standardInclusions", 30, VendorProfile.ShortTextMaxLength);
            RuleFor(x => x.Regions).AllOneOf("vendor.regions", VendorVocabulary.Regions);
            RuleFor(x => x.Languages).AllOneOf("vendor.languages", VendorVocabulary.Languages);
            RuleFor(x => x.CapacityFte).InRange("vendor.capacity", 0, 100_000);
        }

    }

    public static Completeness CompletenessOf(VendorProfile? p)
    {
        var sections = ProfileCompleteness.Sections(p);
        return new Completeness(100 * sections.Count(s => s.Done) / sections.Count, sections.Where(s => !s.Done).Select(s => s.Key).ToList());
    }

    /// <summary>The profile as the public sees it: the contact e-mail stays with signed-in clients (later), not with crawlers.</summary>
    public static VendorProfileInput ToPublicInput(VendorProfile p) => ToInput(p) with { ContactEmail = null };

    private static VendorProfileInput ToInput(VendorProfile p) => new(
        p.Slug, p.Summary, p.SummaryEn, p.ServiceIds, p.Industries, p.ClientSizes,
        p.CaseStudies.Select(c => new CaseStudyDto(c.Title, c.Industry, c.ClientSize, c.Description, c.Year)).ToArray(),
        p.StaffCount, p.BackupStructure, p.ContactName, p.ContactEmail,
        p.HasBcp, p.BackupSites, p.RecoveryTimeObjectiveHours, p.LastDrillOn,
        p.AccessControl, p.AuditLogging, p.SubcontractingPolicy, p.IncidentResponse,
        p.InitialFeeYen, p.MonthlyBaseYen,
        p.UnitPrices.Select(u => new UnitPriceDto(u.Unit, u.Bands.Select(b => new VolumeBandDto(b.FromQuantity, b.PriceYen)).ToArray())).ToArray(),
        p.ExtraChargeConditions, p.StandardInclusions, p.Regions, p.Languages, p.CapacityFte);

    /// <summary>A fresh profile's address: "v-" and the start of the organisation id, until the vendor picks a better one.</summary>
    private static string DefaultSlug(Guid organisationId) => "v-" + organisationId.ToString("N")[^12..];

    private static async Task<Results<Ok<VendorProfileDto>, ProblemHttpResult>> Get(CurrentActor actor, MarketplaceDbContext db, CancellationToken cancellationToken)
    {
        if (actor.OrganisationKind != OrganisationKind.Vendor)
            return NotAVendor();
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == actor.OrganisationId, cancellationToken);
        var profile = await db.VendorProfiles.AsNoTracking().FirstOrDefaultAsync(p => p.OrganisationId == organisation.Id, cancellationToken);
        var shown = profile ?? new VendorProfile(organisation.Id, DefaultSlug(organisation.Id), organisation.CreatedAt);
        return TypedResults.Ok(new VendorProfileDto(organisation.Id, organisation.Name, ToInput(shown), CompletenessOf(profile), profile?.UpdatedAt));
    }

    private static async Task<Results<Ok<VendorProfileDto>, ValidationProblem, ProblemHttpResult>> Put(VendorProfileInput input, CurrentActor actor,
        MarketplaceDbContext db, HttpContext http, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (actor.OrganisationKind != OrganisationKind.Vendor)
            return NotAVendor();
        var organisationId = actor.OrganisationId!.Value;
        var profile = await db.VendorProfiles.FirstOrDefaultAsync(p => p.OrganisationId == organisationId, cancellationToken);

        // Services must exist; a retired one may stay on a profile that already had it, but not be newly added.
        var requested = input.ServiceIds ?? [];
        var known = await db.CatalogueServices.AsNoTracking().Where(s => requested.Contains(s.Id))
            .Select(s => new { s.Id, s.RetiredAt }).ToListAsync(cancellationToken);
        var kept = profile?.ServiceIds ?? [];
        var unknown = requested.Where(id => known.All(k => k.Id != id) || known.Any(k => k.Id == id && k.RetiredAt != null && !kept.Contains(id))).ToList();
        if (unknown.Count > 0)
            return ValidationRules.FieldProblem(new Dictionary<string, string[]>
            {
                ["serviceIds"] = [Localization.CurrentLanguage == "en"
                    ? $"Services: {unknown.Count} are not in the catalogue (or no longer offered)."
                    : $"提供サービスのうち {unknown.Count} 件はカタログにないか、提供終了です。"],
            });
        var slug = input.Slug!.Trim();
        if (await db.VendorProfiles.AnyAsync(p => p.Slug == slug && p.OrganisationId != organisationId, cancellationToken))
            return SlugTaken(slug);

        var now = clock.GetDatabaseNow();
        var created = profile is null;
        profile ??= db.VendorProfiles.Add(new VendorProfile(organisationId, slug, now)).Entity;
        Apply(profile, input, slug, now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            return SlugTaken(slug); // another vendor took the address a moment ago
        }
        await db.AppendAuditAsync(new AuditRecord(organisationId, actor.AuditName, created ? AuditActions.VendorProfileCreated : AuditActions.VendorProfileUpdated,
            "vendor-profile", organisationId.ToString(), http.Connection.RemoteIpAddress?.ToString()), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var name = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        return TypedResults.Ok(new VendorProfileDto(organisationId, name, ToInput(profile), CompletenessOf(profile), profile.UpdatedAt));
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    private static string[] Clean(string[]? items) => items?.Select(i => i.Trim()).Distinct().ToArray() ?? [];

    private static void Apply(VendorProfile p, VendorProfileInput i, string slug, DateTimeOffset now)
    {
        p.Slug = slug;
        p.Summary = Clean(i.Summary);
        p.SummaryEn = Clean(i.SummaryEn);
        p.ServiceIds = i.ServiceIds ?? [];
        p.Industries = Clean(i.Industries);
        p.ClientSizes = Clean(i.ClientSizes);
        p.CaseStudies = (i.CaseStudies ?? []).Select(c => new CaseStudy
        {
            Title = c.Title!.Trim(), Industry = Clean(c.Industry), ClientSize = c.ClientSize, Description = c.Description!.Trim(), Year = c.Year,
        }).ToList();
        p.StaffCount = i.StaffCount;
        p.BackupStructure = Clean(i.BackupStructure);
        p.ContactName = Clean(i.ContactName);
        p.ContactEmail = Clean(i.ContactEmail);
        p.HasBcp = i.HasBcp;
        p.BackupSites = Clean(i.BackupSites);
        p.RecoveryTimeObjectiveHours = i.RecoveryTimeObjectiveHours;
        p.LastDrillOn = i.LastDrillOn;
        p.AccessControl = Clean(i.AccessControl);
        p.AuditLogging = Clean(i.AuditLogging);
        p.SubcontractingPolicy = Clean(i.SubcontractingPolicy);
        p.IncidentResponse = Clean(i.IncidentResponse);
        p.InitialFeeYen = i.InitialFeeYen;
        p.MonthlyBaseYen = i.MonthlyBaseYen;
        p.UnitPrices = (i.UnitPrices ?? []).Select(u => new UnitPrice
        {
            Unit = u.Unit!.Trim(),
            Bands = u.Bands!.Select(b => new VolumeBand { FromQuantity = b.FromQuantity ?? 0, PriceYen = b.PriceYen!.Value }).ToList(),
        }).ToList();
        p.ExtraChargeConditions = Clean(i.ExtraChargeConditions);
        p.StandardInclusions = Clean(i.StandardInclusions);
        p.Regions = Clean(i.Regions);
        p.Languages = Clean(i.Languages);
        p.CapacityFte = i.CapacityFte;
        p.UpdatedAt = now;
    }

    private static ProblemHttpResult SlugTaken(string slug) => ApiProblems.Conflict(
        Localization.CurrentLanguage == "en" ? "This address is taken" : "このアドレスは使われています",
        Localization.CurrentLanguage == "en" ? $"Another vendor uses /vendors/{slug}; choose another." : $"/vendors/{slug} は別のベンダーが使っています。別のアドレスにしてください。");

    private static ProblemHttpResult NotAVendor() => ApiProblems.NotFound(Localization.CurrentLanguage == "en"
        ? "Only vendor organisations have a profile. Choose a vendor organisation in the header."
        : "プロフィールはベンダーの組織にのみあります。ヘッダーでベンダーの組織を選んでください。");
}
