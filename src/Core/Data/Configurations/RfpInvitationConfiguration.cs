using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpInvitationConfiguration : IEntityTypeConfiguration<Marketplace.Core.Rfps.RfpInvitation>
{
    public void Configure(EntityTypeBuilder<Marketplace.Core.Rfps.RfpInvitation> i)
    {
        i.ToTable("rfp_invitations");
        i.HasKey(x => new { x.RfpId, x.VendorId });
        i.HasIndex(x => x.VendorId);
        i.Property(x => x.InvitedBy).HasMaxLength(200);
        i.HasOne<Marketplace.Core.Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
        i.HasOne<Organisation>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
    }
}
