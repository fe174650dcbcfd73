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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder); // ASP.NET Core Identity's tables
        // Identity names its tables explicitly (AspNetRoles, ...); give them the same snake_case as the rest. Users first:
        // the names of the foreign keys to it (memberships, evaluators) are taken from its table when they are made.
        modelBuilder.Entity<Identity.User>(u =>
        {
            u.ToTable("users");
            u.Property(x => x.PreferredLanguage).HasMaxLength(8);
        });
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

        // Each entity's mapping is its IEntityTypeConfiguration in Data/Configurations.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MarketplaceDbContext).Assembly);

        // Who sees which rows through EF: every query filter in one place, since each reads this context's organisation
        // (row-level security holds the same rules in SQL: Data/Policies). Entities shared by two parties first, then
        // every ITenantOwned entity by its organisation.
        // The two parties: the client that wrote the RFP and the vendor it matched (row-level security says the same).
        modelBuilder.Entity<Marketplace.Core.Rfps.RfpMatch>().HasQueryFilter(TenantFilter, x => x.ClientOrganisationId == CurrentOrganisationId || x.VendorId == CurrentOrganisationId);
        modelBuilder.Entity<Proposals.Proposal>().HasQueryFilter(TenantFilter, x => x.VendorId == CurrentOrganisationId || x.ClientOrganisationId == CurrentOrganisationId);
        modelBuilder.Entity<Proposals.ProposalVersion>().HasQueryFilter(TenantFilter, x => x.VendorId == CurrentOrganisationId || x.ClientOrganisationId == CurrentOrganisationId);
        modelBuilder.Entity<Awards.Contract>().HasQueryFilter(TenantFilter, x => x.ClientOrganisationId == CurrentOrganisationId || x.VendorId == CurrentOrganisationId);
        modelBuilder.Entity<Awards.KpiReview>().HasQueryFilter(TenantFilter, x => x.ClientOrganisationId == CurrentOrganisationId || x.VendorId == CurrentOrganisationId);
        modelBuilder.Entity<Proposals.ProposalAttachment>().HasQueryFilter(TenantFilter, x => x.VendorId == CurrentOrganisationId || x.ClientOrganisationId == CurrentOrganisationId);
        // Not ITenantOwned (platform entries have no organisation), but read through the same filter.
        modelBuilder.Entity<AuditEntry>().HasQueryFilter(TenantFilter, x => x.OrganisationId == CurrentOrganisationId);
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
