using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class VendorSearchStateConfiguration : IEntityTypeConfiguration<Vendors.VendorSearchState>
{
    public void Configure(EntityTypeBuilder<Vendors.VendorSearchState> s)
    {
        s.ToTable("vendor_search_state");
        s.Property(x => x.Id).ValueGeneratedNever();
        s.HasData(new Vendors.VendorSearchState { Id = 1, Version = 0 });
    }
}
