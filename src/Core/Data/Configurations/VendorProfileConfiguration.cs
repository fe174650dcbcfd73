using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class VendorProfileConfiguration : IEntityTypeConfiguration<Vendors.VendorProfile>
{
    public void Configure(EntityTypeBuilder<Vendors.VendorProfile> v)
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
    }
}
