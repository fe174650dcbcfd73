using Marketplace.Core.Auditing;
using Marketplace.Core.Hosting;
using Marketplace.Core.Messaging;
using Marketplace.Core.Notifications;
using Marketplace.Core.Organisations;
using Marketplace.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Marketplace.Core.Data;

public sealed class MarketplaceDbContext(DbContextOptions<MarketplaceDbContext> options, TenantContext tenant)
    : Microsoft.AspNetCore.Identity.EntityFrameworkCore.IdentityDbContext<Identity.User, Microsoft.AspNetCore.Identity.IdentityRole<Guid>, Guid>(options),
      Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    /// <summary>The name of the query filter on every tenant-owned entity (for IgnoreQueryFilters, by name).</summary>
    public const string TenantFilter = "Tenant";

    public TenantContext Tenant { get; } = tenant;

    // Read by the query filter at execution time (a parameter per query), so one model serves every tenant.
    // No organisation: Guid.Empty, which matches no row.
    private Guid CurrentOrganisationId => Tenant.OrganisationId ?? Guid.Empty;

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<IdempotentRequest> IdempotentRequests => Set<IdempotentRequest>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Integrations.ApiClient> ApiClients => Set<Integrations.ApiClient>();
    public DbSet<Identity.OidcKey> OidcKeys => Set<Identity.OidcKey>();
    public DbSet<Catalogue.OutsourcingType> OutsourcingTypes => Set<Catalogue.OutsourcingType>();
    public DbSet<Catalogue.CatalogueService> CatalogueServices => Set<Catalogue.CatalogueService>();
    public DbSet<Vendors.VendorProfile> VendorProfiles => Set<Vendors.VendorProfile>();
    public DbSet<Vendors.Certification> Certifications => Set<Vendors.Certification>();
    public DbSet<Vendors.VendorSearchEntry> VendorSearchEntries => Set<Vendors.VendorSearchEntry>();
    public DbSet<Vendors.VendorSearchState> VendorSearchState => Set<Vendors.VendorSearchState>();
    public DbSet<Vendors.VendorSearchDocument> VendorSearchDocuments => Set<Vendors.VendorSearchDocument>();
    public DbSet<Planning.WorkTask> WorkTasks => Set<Planning.WorkTask>();
    public DbSet<Rfps.Rfp> Rfps => Set<Rfps.Rfp>();
    public DbSet<Rfps.RfpVersion> RfpVersions => Set<Rfps.RfpVersion>();
    public DbSet<Rfps.RfpDeadline> RfpDeadlines => Set<Rfps.RfpDeadline>();
    public DbSet<Rfps.RfpMatch> RfpMatches => Set<Rfps.RfpMatch>();
    public DbSet<Rfps.RfpListing> RfpListings => Set<Rfps.RfpListing>();
    public DbSet<Rfps.RfpInvitation> RfpInvitations => Set<Rfps.RfpInvitation>();
    public DbSet<Rfps.RfpParticipant> RfpParticipants => Set<Rfps.RfpParticipant>();
    public DbSet<Rfps.RfpQuestion> RfpQuestions => Set<Rfps.RfpQuestion>();
    public DbSet<Rfps.RfpQuestionAsker> RfpQuestionAskers => Set<Rfps.RfpQuestionAsker>();
    public DbSet<Rfps.RfpTemplate> RfpTemplates => Set<Rfps.RfpTemplate>();
    public DbSet<Rfps.RfpAttachment> RfpAttachments => Set<Rfps.RfpAttachment>();
    public DbSet<Proposals.Proposal> Proposals => Set<Proposals.Proposal>();
    public DbSet<Proposals.ProposalVersion> ProposalVersions => Set<Proposals.ProposalVersion>();
    public DbSet<Proposals.ProposalAttachment> ProposalAttachments => Set<Proposals.ProposalAttachment>();
    public DbSet<Evaluations.RfpEvaluation> RfpEvaluations => Set<Evaluations.RfpEvaluation>();
    public DbSet<Evaluations.RfpEvaluator> RfpEvaluators => Set<Evaluations.RfpEvaluator>();
    public DbSet<Evaluations.EvaluationScore> EvaluationScores => Set<Evaluations.EvaluationScore>();
    public DbSet<Evaluations.ConsensusScore> ConsensusScores => Set<Evaluations.ConsensusScore>();
    public DbSet<Awards.RfpAward> RfpAwards => Set<Awards.RfpAward>();
    public DbSet<Awards.Contract> Contracts => Set<Awards.Contract>();
    public DbSet<Awards.KpiReview> KpiReviews => Set<Awards.KpiReview>();
    public DbSet<Billing.VendorSubscription> VendorSubscriptions => Set<Billing.VendorSubscription>();
    public DbSet<Billing.StripeEventRecord> StripeEvents => Set<Billing.StripeEventRecord>();
    /// <summary>ASP.NET Data Protection's key ring, shared by every Api replica (see DataProtectionSetup).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    /// <summary>How RFP documents (content, match reasons) are written as jsonb; SQL that writes them directly uses it too.</summary>
    public static readonly System.Text.Json.JsonSerializerOptions RfpJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    /// <summary>A document stored whole as jsonb (written with <see cref="RfpJson"/>), compared by its JSON.</summary>
    private static (Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string>, Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<T>) JsonDocument<T>()
        where T : class =>
        (new(v => System.Text.Json.JsonSerializer.Serialize(v, RfpJson), v => System.Text.Json.JsonSerializer.Deserialize<T>(v, RfpJson)!),
         new((a, b) => System.Text.Json.JsonSerializer.Serialize(a, RfpJson) == System.Text.Json.JsonSerializer.Serialize(b, RfpJson),
             v => System.Text.Json.JsonSerializer.Serialize(v, RfpJson).GetHashCode(),
             v => System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(v, RfpJson), RfpJson)!));

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // ASP.NET Core Identity's tables
        modelBuilder.Entity<Identity.User>(u =>
        {
            u.ToTable("users");
            u.Property(x => x.PreferredLanguage).HasMaxLength(8);
        });
        // Identity names its tables explicitly (AspNetRoles, ...); give them the same snake_case as the rest.
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>().ToTable("roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("role_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("user_roles");
        modelBuilder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        // OpenIddict's applications, authorizations, scopes and tokens, in snake_case like the rest.
        modelBuilder.UseOpenIddict<Guid>();
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication<Guid>>().ToTable("oidc_applications");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization<Guid>>().ToTable("oidc_authorizations");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope<Guid>>().ToTable("oidc_scopes");
        modelBuilder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken<Guid>>().ToTable("oidc_tokens");
        modelBuilder.Entity<Identity.OidcKey>(k =>
        {
            k.Property(x => x.Purpose).HasMaxLength(16);
            // One key per purpose for now; replicas starting together agree on it through this index.
            k.HasIndex(x => x.Purpose).IsUnique();
        });

        // The catalogue is platform data, readable by everyone; only operators change it (through the Api).
        modelBuilder.Entity<Catalogue.OutsourcingType>(t =>
        {
            t.HasKey(x => x.Code);
            t.Property(x => x.Code).HasMaxLength(Catalogue.OutsourcingType.CodeMaxLength);
            t.Property(x => x.NameJa).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
            t.Property(x => x.NameEn).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
            t.HasData(Catalogue.CatalogueSeed.Types);
        });
        modelBuilder.Entity<Catalogue.CatalogueService>(c =>
        {
            c.Property(x => x.TypeCode).HasMaxLength(Catalogue.OutsourcingType.CodeMaxLength);
            c.Property(x => x.Code).HasMaxLength(Catalogue.CatalogueService.CodeMaxLength);
            c.Property(x => x.NameJa).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
            c.Property(x => x.NameEn).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
            c.HasIndex(x => x.Code).IsUnique();
            c.HasIndex(x => new { x.TypeCode, x.SortOrder });
            c.HasOne<Catalogue.OutsourcingType>().WithMany().HasForeignKey(x => x.TypeCode).OnDelete(DeleteBehavior.Restrict);
            c.HasData(Catalogue.CatalogueSeed.Services);
        });

        modelBuilder.Entity<Vendors.VendorProfile>(v =>
        {
            v.HasKey(x => x.OrganisationId);
            v.Property(x => x.Slug).HasMaxLength(Vendors.VendorProfile.SlugMaxLength);
            v.HasIndex(x => x.Slug).IsUnique();
            v.Property(x => x.ContactEmail).HasMaxLength(Organisation.EmailMaxLength);
            v.Property(x => x.ContactName).HasMaxLength(Vendors.VendorProfile.ShortTextMaxLength);
            // Lists the search will filter on are arrays with GIN indexes; nested structures are JSON documents.
            v.HasIndex(x => x.ServiceIds).HasMethod("gin");
            v.HasIndex(x => x.Regions).HasMethod("gin");
            v.HasIndex(x => x.Languages).HasMethod("gin");
            v.OwnsMany(x => x.CaseStudies, c => c.ToJson());
            v.OwnsMany(x => x.UnitPrices, u =>
            {
                u.ToJson();
                u.OwnsMany(x => x.Bands);
            });
            v.HasOne<Organisation>().WithOne().HasForeignKey<Vendors.VendorProfile>(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Vendors.Certification>(c =>
        {
            c.Property(x => x.Type).HasMaxLength(16);
            c.Property(x => x.OtherName).HasMaxLength(Vendors.Certification.TextMaxLength);
            c.Property(x => x.RegistrationNumber).HasMaxLength(Vendors.Certification.TextMaxLength);
            c.Property(x => x.Scope).HasMaxLength(Vendors.Certification.TextMaxLength * 5);
            c.Property(x => x.Issuer).HasMaxLength(Vendors.Certification.TextMaxLength);
            c.Property(x => x.EvidenceKey).HasMaxLength(64);
            c.Property(x => x.EvidenceFileName).HasMaxLength(255);
            c.Property(x => x.EvidenceContentType).HasMaxLength(64);
            c.Property(x => x.RejectionReason).HasMaxLength(Vendors.Certification.RejectionReasonMaxLength);
            c.HasIndex(x => new { x.OrganisationId, x.Type });
            // The operator's queue: unverified certifications with evidence, oldest change first.
            c.HasIndex(x => x.UpdatedAt).HasFilter("verified_at IS NULL AND evidence_key IS NOT NULL").HasDatabaseName("ix_certifications_awaiting_verification");
            c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Vendors.VendorSearchEntry>(e =>
        {
            e.ToTable("vendor_search_entries");
            e.HasKey(x => x.OrganisationId);
            e.Property(x => x.Slug).HasMaxLength(Vendors.VendorProfile.SlugMaxLength);
            e.Property(x => x.Name).HasMaxLength(Organisation.NameMaxLength);
            e.Property(x => x.UnitPrices).HasColumnType("jsonb");
            // Text goes through the GIN index on the document; selective facets through their own GIN indexes; the
            // orders without text (fuller profiles first, fee) through b-trees. See decision record 0012.
            e.HasIndex(x => x.ServiceIds).HasMethod("gin");
            e.HasIndex(x => x.Regions).HasMethod("gin");
            e.HasIndex(x => new { x.ProfileSections, x.OrganisationId });
            e.HasIndex(x => new { x.MonthlyBaseYen, x.OrganisationId });
            e.HasIndex(x => x.Version); // search processes read the rows written since the version they hold
            e.HasOne<Vendors.VendorProfile>().WithOne().HasForeignKey<Vendors.VendorSearchEntry>(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Vendors.VendorSearchDocument>(d =>
        {
            d.ToTable("vendor_search_documents");
            d.HasKey(x => x.OrganisationId);
            d.HasIndex(x => x.Document).HasMethod("gin");
            d.HasOne<Vendors.VendorSearchEntry>().WithOne().HasForeignKey<Vendors.VendorSearchDocument>(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Vendors.VendorSearchState>(s =>
        {
            s.ToTable("vendor_search_state");
            s.Property(x => x.Id).ValueGeneratedNever();
            s.HasData(new Vendors.VendorSearchState { Id = 1, Version = 0 });
        });

        modelBuilder.Entity<Planning.WorkTask>(t =>
        {
            t.ToTable("work_tasks");
            t.Property(x => x.Name).HasMaxLength(Planning.WorkTask.NameMaxLength);
            t.Property(x => x.Department).HasMaxLength(Planning.WorkTask.TextMaxLength);
            t.Property(x => x.Frequency).HasMaxLength(16);
            t.Property(x => x.HoursPerMonth).HasPrecision(7, 1);
            t.Property(x => x.VolumeUnit).HasMaxLength(Planning.WorkTask.TextMaxLength);
            t.Property(x => x.Expertise).HasMaxLength(16);
            t.Property(x => x.Substitutability).HasMaxLength(16);
            t.Property(x => x.CurrentOwner).HasMaxLength(Planning.WorkTask.TextMaxLength);
            t.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
            t.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        // An RFP's content is one document (the builder saves it whole); jsonb keeps it queryable.
        var (contentConverter, contentComparer) = JsonDocument<Rfps.RfpContent>();
        modelBuilder.Entity<Rfps.Rfp>(r =>
        {
            r.ToTable("rfps");
            r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            r.Property(x => x.Content).HasColumnType("jsonb").HasConversion(contentConverter, contentComparer);
            r.Property(x => x.CancellationReason).HasMaxLength(Marketplace.Core.Rfps.Rfp.ReasonMaxLength);
            r.Property<uint>("xmin").IsRowVersion(); // two tabs saving one draft: the later save is refused, not silently merged
            r.HasIndex(x => new { x.OrganisationId, x.UpdatedAt });
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Rfps.RfpVersion>(v =>
        {
            v.ToTable("rfp_versions");
            v.HasKey(x => new { x.RfpId, x.Number });
            v.Property(x => x.Content).HasColumnType("jsonb").HasConversion(contentConverter, contentComparer);
            v.Property(x => x.ChangeSummary).HasMaxLength(Marketplace.Core.Rfps.Rfp.ReasonMaxLength);
            v.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Rfps.RfpTemplate>(t =>
        {
            t.ToTable("rfp_templates");
            t.Property(x => x.Name).HasMaxLength(Marketplace.Core.Rfps.RfpTemplate.NameMaxLength);
            t.Property(x => x.Content).HasColumnType("jsonb").HasConversion(contentConverter, contentComparer);
            t.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
            t.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Rfps.RfpAttachment>(a =>
        {
            a.ToTable("rfp_attachments");
            a.Property(x => x.FileKey).HasMaxLength(200);
            a.Property(x => x.FileName).HasMaxLength(200);
            a.Property(x => x.ContentType).HasMaxLength(100);
            a.HasIndex(x => new { x.RfpId, x.UploadedAt });
            a.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        });

        var reasonsConverter = new Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Marketplace.Core.Rfps.MatchReason[], string>(
            v => System.Text.Json.JsonSerializer.Serialize(v, RfpJson), v => System.Text.Json.JsonSerializer.Deserialize<Marketplace.Core.Rfps.MatchReason[]>(v, RfpJson)!);
        modelBuilder.Entity<Marketplace.Core.Rfps.RfpMatch>(m =>
        {
            m.ToTable("rfp_matches");
            m.HasKey(x => new { x.RfpId, x.VendorId });
            m.HasIndex(x => new { x.VendorId, x.MatchedAt });
            // The client pages through an RFP's matches best first (a popular service matches tens of thousands).
            m.HasIndex(x => new { x.RfpId, x.Score, x.VendorId }).IsDescending(false, true, false);
            m.Property(x => x.Reasons).HasColumnType("jsonb").HasConversion(reasonsConverter,
                new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<Marketplace.Core.Rfps.MatchReason[]>((a, b) => a!.SequenceEqual(b!), v => v.Length, v => v.ToArray()));
            m.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
            // The two parties: the client that wrote the RFP and the vendor it matched (row-level security says the same).
            m.HasQueryFilter(TenantFilter, x => x.ClientOrganisationId == CurrentOrganisationId || x.VendorId == CurrentOrganisationId);
        });

        // A proposal is one document, like an RFP; the vendor writes it, the client reads it only after the deadline
        // (row-level security; decision 0014).
        var (proposalConverter, proposalComparer) = JsonDocument<Proposals.ProposalContent>();
        modelBuilder.Entity<Proposals.Proposal>(p =>
        {
            p.ToTable("proposals");
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            p.Property(x => x.Content).HasColumnType("jsonb").HasConversion(proposalConverter, proposalComparer);
            p.Property<uint>("xmin").IsRowVersion(); // two tabs saving one draft: the later save is refused
            p.HasIndex(x => new { x.RfpId, x.VendorId }).IsUnique(); // one proposal per vendor and RFP
            p.HasIndex(x => new { x.VendorId, x.UpdatedAt });
            p.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
            p.HasQueryFilter(TenantFilter, x => x.VendorId == CurrentOrganisationId || x.ClientOrganisationId == CurrentOrganisationId);
        });
        modelBuilder.Entity<Proposals.ProposalVersion>(v =>
        {
            v.ToTable("proposal_versions");
            v.HasKey(x => new { x.ProposalId, x.Number });
            v.Property(x => x.Content).HasColumnType("jsonb").HasConversion(proposalConverter, proposalComparer);
            v.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
            v.HasQueryFilter(TenantFilter, x => x.VendorId == CurrentOrganisationId || x.ClientOrganisationId == CurrentOrganisationId);
        });

        // The client's evaluation (tenant-owned by the client; who may read whose scores is the Api's, decision 0015).
        modelBuilder.Entity<Evaluations.RfpEvaluation>(e =>
        {
            e.ToTable("rfp_evaluations");
            e.HasKey(x => x.RfpId);
            e.Property<uint>("xmin").IsRowVersion(); // two panel changes at once: one stands, the other is told
            e.HasOne<Rfps.Rfp>().WithOne().HasForeignKey<Evaluations.RfpEvaluation>(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Evaluations.RfpEvaluator>(e =>
        {
            e.ToTable("rfp_evaluators");
            e.HasKey(x => new { x.RfpId, x.UserId });
            e.Property<uint>("xmin").IsRowVersion(); // a scorecard submitted twice at once is submitted once
            e.HasIndex(x => x.UserId);
            e.HasOne<Evaluations.RfpEvaluation>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Evaluations.EvaluationScore>(s =>
        {
            s.ToTable("evaluation_scores", t => t.HasCheckConstraint("ck_evaluation_scores_score", "score BETWEEN 1 AND 5"));
            s.HasKey(x => new { x.RfpId, x.UserId, x.ProposalId, x.Axis });
            s.Property(x => x.Axis).HasMaxLength(32);
            s.Property(x => x.Comment).HasMaxLength(Evaluations.EvaluationScore.CommentMaxLength);
            s.HasOne<Evaluations.RfpEvaluator>().WithMany().HasForeignKey(x => new { x.RfpId, x.UserId }).OnDelete(DeleteBehavior.Cascade);
            s.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Evaluations.ConsensusScore>(c =>
        {
            c.ToTable("consensus_scores", t => t.HasCheckConstraint("ck_consensus_scores_score", "score BETWEEN 1 AND 5"));
            c.HasKey(x => new { x.RfpId, x.ProposalId, x.Axis });
            c.Property(x => x.Axis).HasMaxLength(32);
            c.Property(x => x.Reason).HasMaxLength(Evaluations.ConsensusScore.ReasonMaxLength);
            c.HasOne<Evaluations.RfpEvaluation>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
            c.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
        });

        // The award, and the contract it creates: the client writes both; the vendor reads its contract and the KPI
        // reviews (row-level security says the same; migration Awards).
        modelBuilder.Entity<Awards.RfpAward>(a =>
        {
            // 稟議 (decision 0016): an approved award was decided by someone other than its proposer, whatever writes it.
            a.ToTable("rfp_awards", t => t.HasCheckConstraint("ck_rfp_awards_approved_by_another",
                "status <> 'Approved' OR (decided_by IS NOT NULL AND decided_by <> proposed_by)"));
            a.Property<uint>("xmin").IsRowVersion(); // approved and sent back at once: one decision stands
            a.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            a.Property(x => x.VendorName).HasMaxLength(200);
            a.Property(x => x.Reason).HasMaxLength(Awards.RfpAward.ReasonMaxLength);
            a.Property(x => x.DecisionComment).HasMaxLength(Awards.RfpAward.ReasonMaxLength);
            a.HasIndex(x => new { x.RfpId, x.ProposedAt });
            // At most one award waiting for a decision, and one approved, per RFP.
            a.HasIndex(x => x.RfpId).IsUnique().HasFilter("status IN ('Proposed', 'Approved')");
            a.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
        });
        var (feesConverter, feesComparer) = JsonDocument<Proposals.ProposalFees>();
        var (kpisConverter, kpisComparer) = JsonDocument<Awards.ContractKpi[]>();
        modelBuilder.Entity<Awards.Contract>(c =>
        {
            c.ToTable("contracts");
            c.Property(x => x.VendorName).HasMaxLength(200);
            c.Property(x => x.Title).HasMaxLength(200);
            c.Property(x => x.Fees).HasColumnType("jsonb").HasConversion(feesConverter, feesComparer);
            c.Property(x => x.Kpis).HasColumnType("jsonb").HasConversion(kpisConverter, kpisComparer);
            c.HasIndex(x => x.RfpId).IsUnique(); // one contract per awarded RFP
            c.HasIndex(x => x.VendorId);
            c.HasIndex(x => x.ClientOrganisationId);
            c.HasOne<Awards.RfpAward>().WithOne().HasForeignKey<Awards.Contract>(x => x.AwardId).OnDelete(DeleteBehavior.Restrict);
            c.HasQueryFilter(TenantFilter, x => x.ClientOrganisationId == CurrentOrganisationId || x.VendorId == CurrentOrganisationId);
        });
        var (actualsConverter, actualsComparer) = JsonDocument<Awards.KpiActual[]>();
        modelBuilder.Entity<Awards.KpiReview>(r =>
        {
            r.ToTable("kpi_reviews");
            r.Property(x => x.Actuals).HasColumnType("jsonb").HasConversion(actualsConverter, actualsComparer);
            r.Property(x => x.Comment).HasMaxLength(Awards.KpiReview.TextMaxLength);
            r.Property(x => x.Issues).HasMaxLength(Awards.KpiReview.TextMaxLength);
            r.Property(x => x.ImprovementActions).HasMaxLength(Awards.KpiReview.TextMaxLength);
            r.HasIndex(x => new { x.ContractId, x.Month }).IsUnique();
            r.HasOne<Awards.Contract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
            r.HasQueryFilter(TenantFilter, x => x.ClientOrganisationId == CurrentOrganisationId || x.VendorId == CurrentOrganisationId);
        });

        modelBuilder.Entity<Proposals.ProposalAttachment>(a =>
        {
            a.ToTable("proposal_attachments");
            a.Property(x => x.FileKey).HasMaxLength(200);
            a.Property(x => x.FileName).HasMaxLength(200);
            a.Property(x => x.ContentType).HasMaxLength(100);
            a.HasIndex(x => x.ProposalId);
            a.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
            a.HasQueryFilter(TenantFilter, x => x.VendorId == CurrentOrganisationId || x.ClientOrganisationId == CurrentOrganisationId);
        });

        modelBuilder.Entity<Billing.VendorSubscription>(b =>
        {
            b.ToTable("vendor_subscriptions");
            b.HasKey(x => x.OrganisationId);
            b.Property(x => x.StripeCustomerId).HasMaxLength(255);
            b.Property(x => x.StripeSubscriptionId).HasMaxLength(255);
            b.Property(x => x.Plan).HasMaxLength(32);
            b.Property(x => x.Status).HasMaxLength(32);
            b.HasIndex(x => x.StripeCustomerId).IsUnique();
            b.HasOne<Organisation>().WithOne().HasForeignKey<Billing.VendorSubscription>(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Billing.StripeEventRecord>(e =>
        {
            e.ToTable("stripe_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(255);
            e.Property(x => x.Type).HasMaxLength(100);
            e.Property(x => x.Payload).HasColumnType("jsonb");
            e.HasIndex(x => x.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Marketplace.Core.Rfps.RfpDeadline>(d =>
        {
            d.ToTable("rfp_deadlines");
            d.HasKey(x => x.RfpId);
            d.HasIndex(x => x.ProposalDeadline);
            d.HasOne<Marketplace.Core.Rfps.Rfp>().WithOne().HasForeignKey<Marketplace.Core.Rfps.RfpDeadline>(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        });

        // Who may see what of a published RFP is row-level security's (policies in the RfpParticipation migration):
        // the rules join listings and invitations, more than a query filter should repeat.
        modelBuilder.Entity<Marketplace.Core.Rfps.RfpListing>(l =>
        {
            l.ToTable("rfp_listings");
            l.HasKey(x => x.RfpId);
            l.Property(x => x.ClientName).HasMaxLength(200);
            l.Property(x => x.Title).HasMaxLength(200);
            l.Property(x => x.Visibility).HasMaxLength(16);
            l.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            l.Property(x => x.CancellationReason).HasMaxLength(Marketplace.Core.Rfps.Rfp.ReasonMaxLength);
            l.HasIndex(x => new { x.Visibility, x.Status });
            l.HasOne<Marketplace.Core.Rfps.Rfp>().WithOne().HasForeignKey<Marketplace.Core.Rfps.RfpListing>(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Marketplace.Core.Rfps.RfpInvitation>(i =>
        {
            i.ToTable("rfp_invitations");
            i.HasKey(x => new { x.RfpId, x.VendorId });
            i.HasIndex(x => x.VendorId);
            i.Property(x => x.InvitedBy).HasMaxLength(200);
            i.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
            i.HasOne<Organisation>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Marketplace.Core.Rfps.RfpParticipant>(p =>
        {
            p.ToTable("rfp_participants");
            p.HasKey(x => new { x.RfpId, x.VendorId });
            p.HasIndex(x => x.VendorId);
            p.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
            p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Marketplace.Core.Rfps.RfpQuestion>(q =>
        {
            q.ToTable("rfp_questions");
            q.Property(x => x.Question).HasMaxLength(Marketplace.Core.Rfps.RfpQuestion.TextMaxLength);
            q.Property(x => x.Answer).HasMaxLength(Marketplace.Core.Rfps.RfpQuestion.TextMaxLength);
            q.HasIndex(x => new { x.RfpId, x.AskedAt });
            q.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Marketplace.Core.Rfps.RfpQuestionAsker>(a =>
        {
            a.ToTable("rfp_question_askers");
            a.HasKey(x => x.QuestionId);
            a.HasIndex(x => new { x.RfpId, x.VendorId });
            a.HasIndex(x => x.VendorId);
            a.HasOne<Marketplace.Core.Rfps.RfpQuestion>().WithOne().HasForeignKey<Marketplace.Core.Rfps.RfpQuestionAsker>(x => x.QuestionId).OnDelete(DeleteBehavior.Cascade);
            a.HasOne<Organisation>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Vendors.CertificationExpiryNotice>(n =>
        {
            n.ToTable("certification_expiry_notices");
            n.HasKey(x => new { x.CertificationId, x.DaysBefore });
            n.HasOne<Vendors.Certification>().WithMany().HasForeignKey(x => x.CertificationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Membership>(m =>
        {
            m.Property(x => x.Role).HasMaxLength(OrganisationRoles.MaxLength);
            m.HasIndex(x => new { x.OrganisationId, x.UserId }).IsUnique();
            m.HasIndex(x => x.UserId);
            m.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            m.HasOne<Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Invitation>(i =>
        {
            i.Property(x => x.Email).HasMaxLength(Organisation.EmailMaxLength);
            i.Property(x => x.Role).HasMaxLength(OrganisationRoles.MaxLength);
            i.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
            i.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Integrations.ApiClient>(c =>
        {
            c.Property(x => x.Name).HasMaxLength(Integrations.ApiClient.NameMaxLength);
            c.Property(x => x.ClientId).HasMaxLength(100);
            c.HasIndex(x => x.ClientId).IsUnique();
            c.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
            c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Organisation>(o =>
        {
            o.Property(x => x.Name).HasMaxLength(Organisation.NameMaxLength);
            o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            o.Property(x => x.ContactEmail).HasMaxLength(Organisation.EmailMaxLength);
            o.Property(x => x.PreferredLanguage).HasMaxLength(8);
            o.HasIndex(x => x.Name);
        });

        modelBuilder.Entity<Notification>(n =>
        {
            n.Property(x => x.Type).HasMaxLength(100);
            n.Property(x => x.Data).HasColumnType("jsonb");
            n.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            n.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
            n.Property(x => x.Key).HasMaxLength(200);
            n.HasIndex(x => new { x.OrganisationId, x.Key }).IsUnique().HasFilter("key IS NOT NULL"); // a keyed notice arrives once
        });

        modelBuilder.Entity<OutboxMessage>(m =>
        {
            m.Property(x => x.MessageType).HasMaxLength(300);
            m.Property(x => x.Payload).HasColumnType("jsonb");
            m.Property(x => x.LastError).HasMaxLength(OutboxMessage.MaxErrorLength);
            // The relay only ever looks for unsent, publishable rows in creation order.
            m.HasIndex(x => x.CreatedAt).HasFilter("sent_at IS NULL AND failed_at IS NULL").HasDatabaseName("ix_outbox_messages_pending");
        });

        modelBuilder.Entity<IdempotentRequest>(r =>
        {
            r.ToTable("idempotent_requests");
            r.HasKey(x => new { x.OrganisationId, x.Operation, x.Key });
            r.Property(x => x.Operation).HasMaxLength(100);
            r.Property(x => x.Key).HasMaxLength(IdempotentRequest.KeyMaxLength);
            r.Property(x => x.RequestHash).HasMaxLength(64);
            r.Property(x => x.ContentType).HasMaxLength(200);
            r.Property(x => x.Location).HasMaxLength(500);
            r.HasIndex(x => new { x.OrganisationId, x.CreatedAt }); // expired keys are cleared per organisation
            r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<InboxMessage>(i =>
        {
            i.HasKey(x => new { x.MessageId, x.Consumer });
            i.Property(x => x.Consumer).HasMaxLength(200);
        });

        modelBuilder.Entity<AuditEntry>(a =>
        {
            a.ToTable("audit_entries");
            a.Property(x => x.Id).UseIdentityAlwaysColumn();
            a.Property(x => x.Actor).HasMaxLength(200);
            a.Property(x => x.Action).HasMaxLength(100);
            a.Property(x => x.ObjectType).HasMaxLength(100);
            a.Property(x => x.ObjectId).HasMaxLength(100);
            a.Property(x => x.IpAddress).HasMaxLength(64);
            a.Property(x => x.Data).HasColumnType("jsonb");
            a.HasIndex(x => new { x.OrganisationId, x.OccurredAt });
            // Not ITenantOwned (platform entries have no organisation), but read through the same filter.
            a.HasQueryFilter(TenantFilter, x => x.OrganisationId == CurrentOrganisationId);
        });

        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)).ToList())
            typeof(MarketplaceDbContext).GetMethod(nameof(ApplyTenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entityType.ClrType).Invoke(this, [modelBuilder]);
    }

    private void ApplyTenantFilter<T>(ModelBuilder modelBuilder) where T : class, ITenantOwned =>
        modelBuilder.Entity<T>().HasQueryFilter(TenantFilter, e => EF.Property<Guid>(e, nameof(ITenantOwned.OrganisationId)) == CurrentOrganisationId);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Vendors.VendorSearchIndex.StaleVendors(this).Count > 0)
            throw new InvalidOperationException("Vendor changes must be saved with SaveChangesAsync (the search entries are rewritten asynchronously).");
        RefuseCrossTenantWrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var staleVendors = Vendors.VendorSearchIndex.StaleVendors(this);
        if (staleVendors.Count == 0)
        {
            RefuseCrossTenantWrites();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        // A change to a vendor's profile, certifications or name rewrites its search entry in the same transaction.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await Vendors.VendorSearchIndex.ProjectAsync(this, staleVendors, TimeProvider.System.Today(), cancellationToken);
            RefuseCrossTenantWrites();
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    /// <summary>Writes of tenant-owned rows must belong to the scope's organisation (RLS would refuse them too).</summary>
    private void RefuseCrossTenantWrites()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (entry.Entity is not (ITenantOwned or ITenantWritten)) continue;
            const string column = nameof(ITenantOwned.OrganisationId);
            var owner = entry.State == EntityState.Added ? entry.CurrentValues.GetValue<Guid>(column) : entry.OriginalValues.GetValue<Guid>(column);
            if (Tenant.OrganisationId is not { } current || owner != current || entry.CurrentValues.GetValue<Guid>(column) != current)
                throw new CrossTenantWriteException(entry.Metadata.ClrType.Name);
        }
    }
}
