using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class CatalogueServiceConfiguration : IEntityTypeConfiguration<Catalogue.CatalogueService>
{
    public void Configure(EntityTypeBuilder<Catalogue.CatalogueService> c)
    {
        c.Property(x => x.TypeCode).HasMaxLength(Catalogue.OutsourcingType.CodeMaxLength);
        c.Property(x => x.Code).HasMaxLength(Catalogue.CatalogueService.CodeMaxLength);
        c.Property(x => x.NameJa).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
        c.Property(x => x.NameEn).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
        c.HasIndex(x => x.Code).IsUnique();
        c.HasIndex(x => new { x.TypeCode, x.SortOrder });
        c.HasOne<Catalogue.OutsourcingType>().WithMany().HasForeignKey(x => x.TypeCode).OnDelete(DeleteBehavior.Restrict);
        c.HasData(Catalogue.CatalogueSeed.Services);
    }
}
