using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

/// <summary>
/// The catalogue is platform data, readable by everyone; only operators change it (through the Api).
/// </summary>
internal sealed class OutsourcingTypeConfiguration : IEntityTypeConfiguration<Catalogue.OutsourcingType>
{
    public void Configure(EntityTypeBuilder<Catalogue.OutsourcingType> t)
    {
        t.HasKey(x => x.Code);
        t.Property(x => x.Code).HasMaxLength(Catalogue.OutsourcingType.CodeMaxLength);
        t.Property(x => x.NameJa).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
        t.Property(x => x.NameEn).HasMaxLength(Catalogue.CatalogueService.NameMaxLength);
        t.HasData(Catalogue.CatalogueSeed.Types);
    }
}
