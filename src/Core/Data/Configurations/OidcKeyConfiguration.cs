using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Core.Data.Configurations;

internal sealed class OidcKeyConfiguration : IEntityTypeConfiguration<Identity.OidcKey>
{
    public void Configure(EntityTypeBuilder<Identity.OidcKey> k)
    {
        k.Property(x => x.Purpose).HasMaxLength(16);
        // One key per purpose for now; replicas starting together agree on it through this index.
        k.HasIndex(x => x.Purpose).IsUnique();
    }
}
