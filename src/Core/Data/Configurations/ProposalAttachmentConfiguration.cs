using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ProposalAttachmentConfiguration : IEntityTypeConfiguration<Proposals.ProposalAttachment>
{
    public void Configure(EntityTypeBuilder<Proposals.ProposalAttachment> a)
    {
        a.ToTable("proposal_attachments");
        a.Property(x => x.FileKey).HasMaxLength(200);
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(100);
        a.HasIndex(x => x.ProposalId);
        a.HasOne<Proposals.Proposal>().WithMany().HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Cascade);
    }
}
