using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>
/// Who may see what of a published RFP is row-level security's (policies in the RfpParticipation migration): the
/// rules join listings and invitations, more than a query filter should repeat.
/// </summary>
internal sealed class RfpListingConfiguration : IEntityTypeConfiguration<Marketplace.Core.Rfps.RfpListing>
{
    public void Configure(EntityTypeBuilder<Marketplace.Core.Rfps.RfpListing> l)
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
    }
}
