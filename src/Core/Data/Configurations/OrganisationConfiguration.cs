using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> o)
    {
        o.Property(x => x.Name).HasMaxLength(Organisation.NameMaxLength);
        o.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        o.Property(x => x.ContactEmail).HasMaxLength(Organisation.EmailMaxLength);
        o.Property(x => x.PreferredLanguage).HasMaxLength(8);
        o.HasIndex(x => x.Name);
    }
}
