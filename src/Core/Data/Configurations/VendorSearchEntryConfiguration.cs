using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class VendorSearchEntryConfiguration : IEntityTypeConfiguration<Vendors.VendorSearchEntry>
{
    public void Configure(EntityTypeBuilder<Vendors.VendorSearchEntry> e)
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
    }
}
