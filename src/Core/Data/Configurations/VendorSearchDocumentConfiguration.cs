using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class VendorSearchDocumentConfiguration : IEntityTypeConfiguration<Vendors.VendorSearchDocument>
{
    public void Configure(EntityTypeBuilder<Vendors.VendorSearchDocument> d)
    {
        d.ToTable("vendor_search_documents");
        d.HasKey(x => x.OrganisationId);
        d.HasIndex(x => x.Document).HasMethod("gin");
        d.HasOne<Vendors.VendorSearchEntry>().WithOne().HasForeignKey<Vendors.VendorSearchDocument>(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
