using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class RfpTemplateConfiguration : IEntityTypeConfiguration<Rfps.RfpTemplate>
{
    public void Configure(EntityTypeBuilder<Rfps.RfpTemplate> t)
    {
        var (contentConverter, contentComparer) = JsonColumns.Document<Rfps.RfpContent>();
        t.ToTable("rfp_templates");
        t.Property(x => x.Name).HasMaxLength(Marketplace.Core.Rfps.RfpTemplate.NameMaxLength);
        t.Property(x => x.Content).HasColumnType("jsonb").HasConversion(contentConverter, contentComparer);
        t.HasIndex(x => new { x.OrganisationId, x.Name }).IsUnique();
        t.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
