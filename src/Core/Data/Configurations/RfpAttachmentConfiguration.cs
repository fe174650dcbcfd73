using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpAttachmentConfiguration : IEntityTypeConfiguration<Rfps.RfpAttachment>
{
    public void Configure(EntityTypeBuilder<Rfps.RfpAttachment> a)
    {
        a.ToTable("rfp_attachments");
        a.Property(x => x.FileKey).HasMaxLength(200);
        a.Property(x => x.FileName).HasMaxLength(200);
        a.Property(x => x.ContentType).HasMaxLength(100);
        a.HasIndex(x => new { x.RfpId, x.UploadedAt });
        a.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
    }
}
