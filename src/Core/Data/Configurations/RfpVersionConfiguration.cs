using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpVersionConfiguration : IEntityTypeConfiguration<Rfps.RfpVersion>
{
    public void Configure(EntityTypeBuilder<Rfps.RfpVersion> v)
    {
        var (contentConverter, contentComparer) = JsonColumns.Document<Rfps.RfpContent>();
        v.ToTable("rfp_versions");
        v.HasKey(x => new { x.RfpId, x.Number });
        v.Property(x => x.Content).HasColumnType("jsonb").HasConversion(contentConverter, contentComparer);
        v.Property(x => x.ChangeSummary).HasMaxLength(Marketplace.Core.Rfps.Rfp.ReasonMaxLength);
        v.HasOne<Rfps.Rfp>().WithMany().HasForeignKey(x => x.RfpId).OnDelete(DeleteBehavior.Cascade);
    }
}
