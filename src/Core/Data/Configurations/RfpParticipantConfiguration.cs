using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpParticipantConfiguration : IEntityTypeConfiguration<Marketplace.Core.Rfps.RfpParticipant>
{
    public void Configure(EntityTypeBuilder<Marketplace.Core.Rfps.RfpParticipant> p)
    {
        p.ToTable("rfp_participants");
        p.HasKey(x => new { x.RfpId, x.VendorId });
        p.HasIndex(x => x.VendorId);
        p.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        p.HasOne<Organisation>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
    }
}
