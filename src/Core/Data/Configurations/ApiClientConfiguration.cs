using Marketplace.Core.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<Integrations.ApiClient>
{
    public void Configure(EntityTypeBuilder<Integrations.ApiClient> c)
    {
        c.Property(x => x.Name).HasMaxLength(Integrations.ApiClient.NameMaxLength);
        c.Property(x => x.ClientId).HasMaxLength(100);
        c.HasIndex(x => x.ClientId).IsUnique();
        c.HasIndex(x => new { x.OrganisationId, x.CreatedAt });
        c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}
