using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>
/// An RFP's content is one document (the builder saves it whole); jsonb keeps it queryable.
/// </summary>
internal sealed class RfpConfiguration : IEntityTypeConfiguration<Rfps.Rfp>
{
    public void Configure(EntityTypeBuilder<Rfps.Rfp> r)
    {
        var (contentConverter, contentComparer) = JsonColumns.Document<Rfps.RfpContent>();
        r.ToTable("rfps");
        r.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        r.Property(x => x.Content).HasColumnType("jsonb").HasConversion(contentConverter, contentComparer);
        r.Property(x => x.CancellationReason).HasMaxLength(Marketplace.Core.Rfps.Rfp.ReasonMaxLength);
        r.Property<uint>("xmin").IsRowVersion(); // two tabs saving one draft: the later save is refused, not silently merged
        r.HasIndex(x => new { x.OrganisationId, x.UpdatedAt });
        r.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
