using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpDeadlineConfiguration : IEntityTypeConfiguration<Marketplace.Core.Rfps.RfpDeadline>
{
    public void Configure(EntityTypeBuilder<Marketplace.Core.Rfps.RfpDeadline> d)
    {
        d.ToTable("rfp_deadlines");
        d.HasKey(x => x.RfpId);
        d.HasIndex(x => x.ProposalDeadline);
        d.HasOne<Marketplace.Core.Rfps.Rfp>().WithOne().HasForeignKey<Marketplace.Core.Rfps.RfpDeadline>(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
    }
}
